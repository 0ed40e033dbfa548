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
 * @param topics topic ids given by the corpus metadata or its folders (enrichment adds its own)
 * @param origin file (and position) the article was read from, for messages
 * @param entities names of people, organisations and places the corpus metadata gives
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
    String origin,
    List<String> entities) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    source = source == null ? "" : source;
    url = url == null ? "" : url;
    titleOrigin = titleOrigin == null ? "derived" : titleOrigin;
    topics = topics == null ? List.of() : List.copyOf(topics);
    origin = origin == null ? "" : origin;
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /** An article for which the corpus names no entities. */
  public Article(String id, String title, String titleOrigin, String text, ArticleDate date, String source,
      String url, List<String> topics, String origin) {
    this(id, title, titleOrigin, text, date, source, url, topics, origin, List.of());
  }

  /** This article with {@code topic} added to its given topics, unless it has it already. */
  public Article withTopic(String topic) {
    if (topics.contains(topic)) {
      return this;
    }
    List<String> more = new java.util.ArrayList<>(topics);
    more.add(topic);
    return new Article(id, title, titleOrigin, text, date, source, url, more, origin, entities);
  }
}
