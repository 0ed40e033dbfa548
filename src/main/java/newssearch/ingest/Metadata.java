package newssearch.ingest;

import java.util.List;

/**
 * Facts about an article that the corpus states rather than the text: from a {@code .meta.json}
 * file beside a text file, from the fields of a JSON Lines or CSV record, or from the tags of an
 * HTML page. Any part may be null when not stated.
 */
public record Metadata(
    String id, String title, ArticleDate date, String source, String url, List<String> topics,
    List<String> entities) {

  public static final Metadata NONE = new Metadata(null, null, null, null, null, null, null);

  /** These facts, with each one that {@code other} states taking its place. */
  public Metadata overriddenBy(Metadata other) {
    return new Metadata(
        other.id != null ? other.id : id,
        other.title != null ? other.title : title,
        other.date != null ? other.date : date,
        other.source != null ? other.source : source,
        other.url != null ? other.url : url,
        other.topics != null ? other.topics : topics,
        other.entities != null ? other.entities : entities);
  }
}
