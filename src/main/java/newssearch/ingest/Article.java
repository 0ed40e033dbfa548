package newssearch.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One article as ingest produced it: cleaned text, before enrichment.
 *
 * @param id stable identifier: the same corpus read again gives the same ids
 * @param title headline; see {@code titleOrigin} for where it came from
 * @param titleOrigin {@code metadata}, {@code headline} (a headline line of the text) or
 *     {@code derived} (shortened lead sentence)
 * @param text body with paragraphs separated by blank lines
 * @param date publication date, or null when undated
 * @param source publisher, or empty
 * @param url link to the original, or empty
 * @param topics topic ids given by the corpus metadata (enrichment adds its own)
 * @param origin file (and position) the article was read from, for messages
 */
public record Article(
    String id,
    String title,
    String titleOrigin,
    String text,
    ArticleDate date,
    String source,
    String url,
    List<String> topics,
    String origin) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    source = source == null ? "" : source;
    url = url == null ? "" : url;
    titleOrigin = titleOrigin == null ? "derived" : titleOrigin;
    topics = topics == null ? List.of() : List.copyOf(topics);
    origin = origin == null ? "" : origin;
  }
}
