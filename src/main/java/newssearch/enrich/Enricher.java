package newssearch.enrich;

import newssearch.ingest.Article;
import org.apache.lucene.analysis.Analyzer;

/** Adds topics and entities to an article. Stateless once built, so it may be shared by threads. */
public final class Enricher {
  private final TopicTagger topics;
  private final EntityTagger entities;

  public Enricher(Taxonomy taxonomy, Gazetteer gazetteer, Analyzer analyzer) {
    this.topics = new TopicTagger(taxonomy, analyzer);
    this.entities = new EntityTagger(gazetteer);
  }

  public EnrichedArticle enrich(Article article) {
    return new EnrichedArticle(article, topics.tag(article), entities.tag(article));
  }
}
