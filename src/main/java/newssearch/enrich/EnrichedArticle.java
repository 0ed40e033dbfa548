package newssearch.enrich;

import java.util.List;
import newssearch.ingest.Article;

/** An article with what enrichment found: its topics and named entities. */
public record EnrichedArticle(Article article, List<TopicTag> topics, List<Entity> entities) {
  public EnrichedArticle {
    topics = List.copyOf(topics);
    entities = List.copyOf(entities);
  }
}
