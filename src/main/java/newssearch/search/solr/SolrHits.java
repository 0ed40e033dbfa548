package newssearch.search.solr;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import newssearch.enrich.Entity;
import newssearch.enrich.TopicTag;
import newssearch.index.Schema;
import newssearch.search.ArticleView;
import newssearch.search.QueryText;
import newssearch.search.SearchResult;
import org.apache.solr.common.SolrDocument;

/**
 * Solr documents read back as the embedded engine's values: a hit of a result page, an article's
 * view. The stored fields are the same as the embedded index's ({@link SolrDocuments}).
 */
final class SolrHits {
  /** The stored fields a hit shows, and its score. */
  static final String FIELDS = String.join(",", Schema.ID, Schema.TITLE, Schema.DATE_ISO,
      Schema.DATE_PRECISION, Schema.SOURCE, Schema.URL, Schema.ENRICHMENT, Schema.INDEXED_AT, "score");

  private SolrHits() {}

  /** A hit, with the highlighted title and text snippets Solr returned for it, if any. */
  static SearchResult.Hit hit(SolrDocument d, Map<String, List<String>> highlights) {
    Schema.Enrichment enrichment = Schema.enrichment(string(d, Schema.ENRICHMENT));
    String title = string(d, Schema.TITLE);
    List<String> titleHtml = highlights == null ? null : highlights.get(Schema.TITLE);
    List<String> snippets = highlights == null || highlights.get(Schema.TEXT) == null ? List.of()
        : highlights.get(Schema.TEXT).stream().map(String::strip).toList();
    Object score = d.getFieldValue("score");
    return new SearchResult.Hit(
        string(d, Schema.ID),
        title,
        titleHtml == null || titleHtml.isEmpty() ? QueryText.escapeHtml(title) : titleHtml.get(0).strip(),
        nullable(d, Schema.DATE_ISO),
        nullable(d, Schema.DATE_PRECISION),
        string(d, Schema.SOURCE),
        string(d, Schema.URL),
        enrichment.topics().stream().map(TopicTag::id).toList(),
        enrichment.entities().stream()
            .sorted(Comparator.comparingInt((Entity e) -> -e.mentions().size()))
            .map(e -> new SearchResult.EntityRef(e.name(), e.type()))
            .toList(),
        score instanceof Number s && !Float.isNaN(s.floatValue()) ? s.floatValue() : 0f,
        snippets,
        arrival(d));
  }

  /** The whole article, as {@code /api/articles/{id}} shows it. */
  static ArticleView article(SolrDocument d) {
    Schema.Enrichment enrichment = Schema.enrichment(string(d, Schema.ENRICHMENT));
    return new ArticleView(string(d, Schema.ID), string(d, Schema.TITLE), nullable(d, Schema.TITLE_ORIGIN),
        nullable(d, Schema.DATE_ISO), nullable(d, Schema.DATE_PRECISION), nullable(d, Schema.DATE_BASIS),
        string(d, Schema.SOURCE), string(d, Schema.URL), enrichment.topics(), enrichment.entities(), string(d, Schema.TEXT));
  }

  static String string(SolrDocument d, String field) {
    Object v = d.getFirstValue(field);
    return v == null ? "" : v.toString();
  }

  /** When the article reached the index, as the embedded engine writes it (ISO instant); null if unknown. */
  private static String arrival(SolrDocument d) {
    return d.getFirstValue(Schema.INDEXED_AT) instanceof Number millis
        ? java.time.Instant.ofEpochMilli(millis.longValue()).toString() : null;
  }

  static String nullable(SolrDocument d, String field) {
    Object v = d.getFirstValue(field);
    return v == null ? null : v.toString();
  }
}
