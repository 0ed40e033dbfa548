package newssearch.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import newssearch.enrich.Entity;
import newssearch.enrich.TopicTag;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Articles as the API shows them, read from a snapshot's stored fields: the hits of a page (with
 * their highlights), one article's view, and the articles related to one.
 */
final class StoredArticles {
  /** The stored fields a hit shows; the article text is left on disk (the highlighter reads its own). */
  private static final Set<String> HIT_FIELDS = Set.of(Schema.ID, Schema.TITLE, Schema.DATE_ISO,
      Schema.DATE_PRECISION, Schema.SOURCE, Schema.URL, Schema.ENRICHMENT, Schema.INDEXED_AT);

  private StoredArticles() {}

  /** The hits of {@code page}, with the title and snippets {@code textQuery} highlights when asked. */
  static List<SearchResult.Hit> hits(IndexSnapshot s, Query textQuery, ScoreDoc[] page, boolean highlight)
      throws IOException {
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    Snippets.Highlights highlights = highlight
        ? s.snippets.highlight(textQuery, docIds)
        : Snippets.none(docIds.length);
    List<SearchResult.Hit> hits = new ArrayList<>(page.length);
    // One reader for the page: it keeps the last block it decompressed, which neighbouring hits share.
    StoredFields stored = s.searcher.storedFields();
    for (int i = 0; i < page.length; i++) {
      Document doc = stored.document(docIds[i], HIT_FIELDS);
      Schema.Enrichment enrichment = Schema.enrichment(doc.get(Schema.ENRICHMENT));
      String title = doc.get(Schema.TITLE);
      String titleHtml = highlights.titles().get(i);
      hits.add(new SearchResult.Hit(
          doc.get(Schema.ID),
          title,
          titleHtml != null ? titleHtml : Html.escape(title),
          doc.get(Schema.DATE_ISO),
          doc.get(Schema.DATE_PRECISION),
          orEmpty(doc.get(Schema.SOURCE)),
          orEmpty(doc.get(Schema.URL)),
          topicIds(enrichment),
          mainEntities(enrichment.entities()),
          score(page[i]),
          highlights.snippets().get(i),
          indexedAt(doc)));
    }
    return hits;
  }

  /** The view of article {@code id}, if {@code s} has it. */
  /** The ids of {@code docs}, in their order. */
  static List<String> ids(IndexSnapshot s, ScoreDoc[] docs) throws IOException {
    StoredFields stored = s.searcher.storedFields();
    List<String> ids = new ArrayList<>(docs.length);
    for (ScoreDoc d : docs) {
      ids.add(stored.document(d.doc, Set.of(Schema.ID)).get(Schema.ID));
    }
    return ids;
  }

  static Optional<ArticleView> article(IndexSnapshot s, String id) throws IOException {
    OptionalInt docId = docOf(s, id);
    if (docId.isEmpty()) {
      return Optional.empty();
    }
    Document doc = s.searcher.storedFields().document(docId.getAsInt());
    Schema.Enrichment enrichment = Schema.enrichment(doc.get(Schema.ENRICHMENT));
    return Optional.of(new ArticleView(
        doc.get(Schema.ID),
        doc.get(Schema.TITLE),
        doc.get(Schema.TITLE_ORIGIN),
        doc.get(Schema.DATE_ISO),
        doc.get(Schema.DATE_PRECISION),
        doc.get(Schema.DATE_BASIS),
        orEmpty(doc.get(Schema.SOURCE)),
        orEmpty(doc.get(Schema.URL)),
        enrichment.topics(),
        enrichment.entities(),
        doc.get(Schema.TEXT)));
  }

  /** Articles most like article {@code id} (MoreLikeThis over title and text); empty if no such article. */
  static Optional<List<RelatedArticle>> related(IndexSnapshot s, Analyzer analyzer, String id, int n) throws IOException {
    OptionalInt doc = docOf(s, id);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    Query like = new BooleanQuery.Builder()
        .add(moreLikeThis(s, analyzer).like(doc.getAsInt()), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Schema.ID, id)), BooleanClause.Occur.MUST_NOT)
        .build();
    List<RelatedArticle> related = new ArrayList<>();
    for (ScoreDoc sd : s.searcher.search(like, n).scoreDocs) {
      Document d = s.searcher.storedFields().document(sd.doc);
      related.add(new RelatedArticle(d.get(Schema.ID), d.get(Schema.TITLE), d.get(Schema.DATE_ISO),
          orEmpty(d.get(Schema.SOURCE)), topicIds(d), sd.score, d.get(Schema.DATE_PRECISION)));
    }
    return Optional.of(related);
  }

  private static MoreLikeThis moreLikeThis(IndexSnapshot s, Analyzer analyzer) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(s.reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {Schema.TITLE, Schema.TEXT});
    // Small corpora have few repeated words: a word once in the article and in one other is a signal.
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMaxDocFreqPct(60);
    mlt.setMaxQueryTerms(30);
    mlt.setBoost(true);
    return mlt;
  }

  private static OptionalInt docOf(IndexSnapshot s, String id) throws IOException {
    TopDocs top = s.searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
    return top.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(top.scoreDocs[0].doc);
  }

  /** Entities by how often the article names them, most first. */
  private static List<SearchResult.EntityRef> mainEntities(List<Entity> entities) {
    return entities.stream()
        .sorted(Comparator.comparingInt((Entity e) -> -e.mentions().size()))
        .map(e -> new SearchResult.EntityRef(e.name(), e.type()))
        .toList();
  }

  private static List<String> topicIds(Schema.Enrichment enrichment) {
    return enrichment.topics().stream().map(TopicTag::id).toList();
  }

  private static List<String> topicIds(Document doc) {
    return topicIds(Schema.enrichment(doc.get(Schema.ENRICHMENT)));
  }

  /** When the article arrived, as an ISO instant; null for an index written before arrival times were kept. */
  private static String indexedAt(Document doc) {
    var field = doc.getField(Schema.INDEXED_AT);
    return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue()).toString();
  }

  private static float score(ScoreDoc doc) {
    return Float.isNaN(doc.score) ? 0f : doc.score;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The title and text of the first {@code n} of {@code ranked}, with their scores: what feedback reads. */
  static List<RelevanceFeedback.Doc> feedbackDocs(IndexSnapshot s, ScoreDoc[] ranked, int n) throws IOException {
    StoredFields stored = s.searcher.storedFields();
    List<RelevanceFeedback.Doc> docs = new ArrayList<>();
    for (int i = 0; i < Math.min(n, ranked.length); i++) {
      Document d = stored.document(ranked[i].doc, FEEDBACK_FIELDS);
      docs.add(new RelevanceFeedback.Doc(d.get(Schema.TITLE) + "\n" + d.get(Schema.TEXT), ranked[i].score));
    }
    return docs;
  }

  private static final Set<String> FEEDBACK_FIELDS = Set.of(Schema.TITLE, Schema.TEXT);
}
