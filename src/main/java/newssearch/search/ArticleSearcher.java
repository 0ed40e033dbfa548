package newssearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import newssearch.enrich.Entity;
import newssearch.enrich.Taxonomy;
import newssearch.enrich.TopicTag;
import newssearch.index.IndexStore;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Answers searches and article look-ups against the generation an {@link IndexStore} serves.
 * {@link #refresh()} switches to a newer generation without disturbing searches under way.
 */
public final class ArticleSearcher implements Closeable {
  private final IndexStore store;
  private final Analyzer analyzer;
  private final Taxonomy taxonomy;
  private final QueryBuilder queries;
  private final FacetsConfig facetsConfig = Schema.facetsConfig();
  private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();

  private ArticleSearcher(IndexStore store, Analyzer queryAnalyzer, Taxonomy taxonomy) {
    this.store = store;
    this.analyzer = Schema.analyzer(queryAnalyzer);
    this.taxonomy = taxonomy;
    this.queries = new QueryBuilder(analyzer);
  }

  /** Opens the served generation of {@code store}, which must exist. */
  public static ArticleSearcher open(IndexStore store, Analyzer queryAnalyzer, Taxonomy taxonomy) throws IOException {
    ArticleSearcher searcher = new ArticleSearcher(store, queryAnalyzer, taxonomy);
    Path generation = store.current().orElseThrow(() -> new IOException("no index in " + store.root()));
    searcher.current.set(IndexSnapshot.open(generation));
    return searcher;
  }

  /** Switches to the store's current generation if it changed; true if it did. */
  public synchronized boolean refresh() throws IOException {
    Optional<Path> generation = store.current();
    IndexSnapshot old = current.get();
    if (generation.isEmpty() || generation.get().equals(old.generation)) {
      return false;
    }
    current.set(IndexSnapshot.open(generation.get()));
    old.release();
    return true;
  }

  public int documentCount() {
    IndexSnapshot s = acquire();
    try {
      return s.reader.numDocs();
    } finally {
      s.release();
    }
  }

  /** The name of the served generation: cite it to reproduce a result. */
  public String indexVersion() {
    return current.get().generation.getFileName().toString();
  }

  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    IndexSnapshot s = acquire();
    try {
      Query textQuery = queries.parse(request.query(), request.syntax());
      DrillDownQuery drill = drillDown(textQuery, request);
      int window = request.page() * request.size();
      DrillSideways sideways = new DrillSideways(s.searcher, facetsConfig, s.facetState);
      DrillSideways.DrillSidewaysResult result =
          sideways.search(drill, null, null, window, sort(request.sort()), true);
      TopDocs top = result.hits;
      ScoreDoc[] page = pageOf(top.scoreDocs, request);
      List<SearchResult.Hit> hits = hits(s, textQuery, page);
      long total = exactTotal(result.drillDownFacetsCollector, top.totalHits);
      Map<String, List<SearchResult.FacetValue>> facets = new FacetCounts(result.facets, taxonomy).all(request);
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResult(request.query(), total, true, request.page(), request.size(), tookMs, hits, facets, null);
    } catch (IndexSearcher.TooManyClauses e) {
      // Raised while the query and its filters are rewritten, whatever part of the request grew them.
      throw new InvalidRequestException("query_too_complex",
          "the query and filters expand to more than " + IndexSearcher.getMaxClauseCount() + " terms; use fewer words or filter values");
    } finally {
      s.release();
    }
  }

  public Optional<ArticleView> article(String id) throws IOException {
    IndexSnapshot s = acquire();
    try {
      TopDocs top = s.searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document doc = s.searcher.storedFields().document(top.scoreDocs[0].doc);
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
    } finally {
      s.release();
    }
  }

  @Override
  public void close() {
    IndexSnapshot s = current.getAndSet(null);
    if (s != null) {
      s.release();
    }
  }

  private IndexSnapshot acquire() {
    while (true) {
      IndexSnapshot s = current.get();
      if (s == null) {
        throw new IllegalStateException("searcher is closed");
      }
      if (s.tryAcquire()) {
        return s;
      }
    }
  }

  private DrillDownQuery drillDown(Query textQuery, SearchRequest request) {
    DrillDownQuery drill = new DrillDownQuery(facetsConfig, textQuery);
    for (String topic : request.topics()) {
      drill.add(Schema.TOPIC, topic);
    }
    if (!request.entities().isEmpty()) {
      drill.add(Schema.ENTITY, anyOf(Schema.ENTITY, request.entities()));
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : Schema.dateValue(request.from());
      long to = request.to() == null ? Long.MAX_VALUE : Schema.dateValue(request.to());
      drill.add(Schema.MONTH, LongField.newRangeQuery(Schema.DATE, from, to));
    }
    return drill;
  }

  private static Query anyOf(String field, List<String> values) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : values) {
      any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private static Sort sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, Schema.newestFirst(), Schema.byId());
      case NEWEST -> new Sort(Schema.newestFirst(), Schema.byId());
      case OLDEST -> new Sort(Schema.oldestFirst(), Schema.byId());
    };
  }

  private static ScoreDoc[] pageOf(ScoreDoc[] all, SearchRequest request) {
    int from = Math.min(all.length, (request.page() - 1) * request.size());
    int to = Math.min(all.length, from + request.size());
    ScoreDoc[] page = new ScoreDoc[to - from];
    System.arraycopy(all, from, page, 0, page.length);
    return page;
  }

  /** The facet collector saw every match, so its count is exact even where the top docs' is not. */
  private static long exactTotal(FacetsCollector collector, TotalHits fallback) {
    if (collector == null) {
      return fallback.value();
    }
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : collector.getMatchingDocs()) {
      total += docs.totalHits();
    }
    return total;
  }

  private List<SearchResult.Hit> hits(IndexSnapshot s, Query textQuery, ScoreDoc[] page) throws IOException {
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    Snippets.Highlights highlights = new Snippets(s.searcher, analyzer).highlight(textQuery, docIds);
    List<SearchResult.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = s.searcher.storedFields().document(docIds[i]);
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
          enrichment.topics().stream().map(TopicTag::id).toList(),
          mainEntities(enrichment.entities()),
          score(page[i]),
          highlights.snippets().get(i)));
    }
    return hits;
  }

  /** Entities by how often the article names them, most first. */
  private static List<SearchResult.EntityRef> mainEntities(List<Entity> entities) {
    return entities.stream()
        .sorted(Comparator.comparingInt((Entity e) -> -e.mentions().size()))
        .map(e -> new SearchResult.EntityRef(e.name(), e.type()))
        .toList();
  }

  private static float score(ScoreDoc doc) {
    return Float.isNaN(doc.score) ? 0f : doc.score;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
