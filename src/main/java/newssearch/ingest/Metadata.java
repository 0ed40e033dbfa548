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

  /**
   * An article of {@code text} with these facts. Its title is the stated one ({@code titleOrigin}
   * says where it came from), else the shortened lead sentence.
   */
  public Article article(String text, String fallbackId, String titleOrigin, String origin) {
    String headline = title == null ? "" : TextCleaner.normalise(title);
    return new Article(
        id != null ? id : fallbackId,
        headline.isEmpty() ? Titles.fromLead(text) : headline,
        headline.isEmpty() ? "derived" : titleOrigin,
        text,
        date,
        source,
        url,
        topics,
        origin,
        entities);
  }

  public Metadata withTitle(String title) {
    return new Metadata(id, title, date, source, url, topics, entities);
  }

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
