package newssearch.enrich;

import newssearch.ingest.Article;
import newssearch.ingest.ArticleDate;
import org.apache.lucene.analysis.Analyzer;

/** Adds topics, entities and a date to an article. Stateless once built, so it may be shared by threads. */
public final class Enricher {
  private final TopicTagger topics;
  private final EntityTagger entities;

  public Enricher(Taxonomy taxonomy, Gazetteer gazetteer, Analyzer analyzer) {
    this.topics = new TopicTagger(taxonomy, analyzer);
    this.entities = new EntityTagger(gazetteer);
  }

  public EnrichedArticle enrich(Article article) {
    return new EnrichedArticle(article, topics.tag(article), entities.tag(article), date(article));
  }

  /** Metadata first; else the date a dated report states in its opening; else undated (null). */
  static ArticleDate date(Article article) {
    if (article.date() != null) {
      return article.date();
    }
    return TextDates.find(article.title(), article.text()).orElse(null);
  }
}
