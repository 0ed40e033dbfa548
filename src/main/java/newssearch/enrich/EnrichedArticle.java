package newssearch.enrich;

import java.util.List;
import newssearch.ingest.Article;
import newssearch.ingest.ArticleDate;

/**
 * An article with what enrichment found: its topics, named entities and date. {@code date} is the
 * metadata date when there is one, else a date found in the text, else null (undated); the
 * article's own {@link Article#date()} stays the metadata date.
 */
public record EnrichedArticle(Article article, List<TopicTag> topics, List<Entity> entities, ArticleDate date) {
  public EnrichedArticle {
    topics = List.copyOf(topics);
    entities = List.copyOf(entities);
  }

  /** An enrichment that keeps the article's metadata date. */
  public EnrichedArticle(Article article, List<TopicTag> topics, List<Entity> entities) {
    this(article, topics, entities, article.date());
  }
}
