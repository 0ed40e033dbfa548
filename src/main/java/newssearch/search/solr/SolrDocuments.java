package newssearch.search.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import newssearch.enrich.EnrichedArticle;
import newssearch.enrich.Entity;
import newssearch.enrich.TopicTag;
import newssearch.index.Schema;
import newssearch.ingest.Article;
import newssearch.ingest.ArticleDate;
import org.apache.solr.common.SolrInputDocument;

/**
 * An enriched article as a Solr document with the fields of {@link Schema}, holding what the
 * embedded index holds: the same stored values, keywords and facet values. The id is the
 * article's, so sending a document again replaces it and a retried batch never duplicates.
 */
public final class SolrDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SolrDocuments() {}

  public static SolrInputDocument of(EnrichedArticle enriched) {
    Article a = enriched.article();
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(Schema.ID, a.id());
    // When the article reached the index: what since= and the arrival order read.
    doc.addField(Schema.INDEXED_AT, System.currentTimeMillis());
    doc.addField(Schema.TITLE, a.title());
    if (!Schema.DERIVED_TITLE.equals(a.titleOrigin())) {
      // As in the embedded index: a title made from the lead sentence is no headline.
      doc.addField(Schema.HEADLINE, a.title());
      for (int i = 0; i < SolrFields.HEADLINE_COPIES; i++) {
        doc.addField(SolrFields.HEADLINE_TEXT, a.title());
      }
    }
    doc.addField(Schema.TEXT, a.text());
    doc.addField(SolrFields.HEADLINE_TEXT, a.text());
    doc.addField(Schema.SPELL, a.title() + "\n" + a.text());
    doc.addField(Schema.TITLE_ORIGIN, a.titleOrigin());
    doc.addField(Schema.ORIGIN, a.origin());
    doc.addField(Schema.URL, a.url());
    if (!a.source().isEmpty()) {
      doc.addField(Schema.SOURCE, a.source());
    }
    date(doc, enriched.date());
    for (TopicTag topic : enriched.topics()) {
      doc.addField(Schema.TOPIC, topic.id());
    }
    Set<String> types = new LinkedHashSet<>();
    for (Entity entity : enriched.entities()) {
      doc.addField(Schema.ENTITY, entity.name());
      doc.addField(Schema.ENTITY_TEXT, entity.name());
      doc.addField(SolrFields.ENTITY_PATH, SolrFields.entityPath(entity.type(), entity.name()));
      types.add(entity.type());
    }
    types.forEach(t -> doc.addField(SolrFields.ENTITY_TYPE, t));
    doc.addField(Schema.ENRICHMENT, enrichmentJson(enriched));
    return doc;
  }

  private static void date(SolrInputDocument doc, ArticleDate date) {
    if (date == null) {
      doc.addField(Schema.MONTH, Schema.UNDATED);
      doc.addField(Schema.YEAR, Schema.UNDATED);
      return;
    }
    LocalDate day = date.day();
    doc.addField(Schema.DATE, Schema.dateValue(day));
    doc.addField(Schema.DATE_SORT, Schema.dateValue(Schema.sortDay(date)));
    doc.addField(Schema.DATE_ISO, day.toString());
    doc.addField(Schema.DATE_PRECISION, date.precision().label());
    doc.addField(Schema.DATE_BASIS, date.basis());
    doc.addField(Schema.MONTH, day.toString().substring(0, 7));
    doc.addField(Schema.YEAR, day.toString().substring(0, 4));
  }

  private static String enrichmentJson(EnrichedArticle enriched) {
    try {
      return JSON.writeValueAsString(new Schema.Enrichment(enriched.topics(), enriched.entities()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
