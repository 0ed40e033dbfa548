package newssearch.search;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import newssearch.enrich.Taxonomy;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The embedded engine: answers searches and article look-ups against the generation an {@link IndexStore}
 * serves, or the newest reader of a {@link LiveIndex} ({@link ServedSnapshots}). It plans the words
 * ({@link QueryPlanner}), runs the plan with its filters and facet counts ({@link PlanMatcher}) and reads
 * hits ({@link StoredArticles}).
 * {@link #refresh()} switches to a newer generation without disturbing searches under way.
 */
public final class ArticleSearcher implements SearchEngine {
  /** Longest text {@link #complete} takes. */
  static final int MAX_COMPLETION_CHARS = 1000;

  /** Most related articles one request may ask for. */
  public static final int MAX_RELATED = 20;

  private final Analyzer analyzer;
  private final Taxonomy taxonomy;
  private final QueryBuilder queries;
  private final QueryPlanner planner;
  private final MatchingRules matchingRules;
  private final SearchLimits limits;
  private final PlanMatcher matcher;
  /** Runs the sideways facet counts of a filtered search side by side, and background warm-ups. */
  private final ExecutorService facetExecutor = Executors.newVirtualThreadPerTaskExecutor();
  private ServedSnapshots served;

  private ArticleSearcher(Analyzer queryAnalyzer, Taxonomy taxonomy, SearchLimits limits, MatchingRules matchingRules) {
    this.analyzer = Schema.analyzer(queryAnalyzer);
    this.taxonomy = taxonomy;
    this.limits = limits;
    this.matchingRules = matchingRules;
    this.queries = new QueryBuilder(analyzer, limits);
    this.planner = new QueryPlanner(analyzer, limits, matchingRules, queries);
    this.matcher = new PlanMatcher(planner, matchingRules, limits, facetExecutor);
  }

  /** Opens the served generation of {@code store}, which must exist. */
  public static ArticleSearcher open(IndexStore store, Analyzer queryAnalyzer, Taxonomy taxonomy) throws IOException {
    return open(store, queryAnalyzer, taxonomy, SearchLimits.DEFAULT);
  }

  /** Opens the served generation of {@code store} with the given limits on each search. */
  public static ArticleSearcher open(IndexStore store, Analyzer queryAnalyzer, Taxonomy taxonomy, SearchLimits limits)
      throws IOException {
    return open(store, queryAnalyzer, taxonomy, limits, MatchingRules.DEFAULT);
  }

  /** Opens the served generation of {@code store} with the given limits and matching rules. */
  public static ArticleSearcher open(IndexStore store, Analyzer queryAnalyzer, Taxonomy taxonomy, SearchLimits limits,
      MatchingRules matchingRules) throws IOException {
    ArticleSearcher searcher = new ArticleSearcher(queryAnalyzer, taxonomy, limits, matchingRules);
    searcher.served = ServedSnapshots.of(store, searcher.analyzer, searcher.facetExecutor);
    return searcher;
  }

  /**
   * Serves {@code live}'s generation with near-real-time readers: each {@link #refresh} shows the
   * updates applied to it so far, and follows its switches to rebuilt generations.
   */
  public static ArticleSearcher open(LiveIndex live, IndexStore store, Analyzer queryAnalyzer, Taxonomy taxonomy,
      SearchLimits limits) throws IOException {
    return open(live, store, queryAnalyzer, taxonomy, limits, MatchingRules.DEFAULT);
  }

  /** Serves {@code live}'s generation, as above, with the given matching rules. */
  public static ArticleSearcher open(LiveIndex live, IndexStore store, Analyzer queryAnalyzer, Taxonomy taxonomy,
      SearchLimits limits, MatchingRules matchingRules) throws IOException {
    ArticleSearcher searcher = new ArticleSearcher(queryAnalyzer, taxonomy, limits, matchingRules);
    searcher.served = ServedSnapshots.of(live, store, searcher.analyzer, searcher.facetExecutor);
    return searcher;
  }

  /**
   * Switches to the store's current generation if it changed, or with live updates to the newest
   * reader of the live index; true if it did.
   */
  public boolean refresh() throws IOException {
    return served.refresh();
  }

  public int documentCount() {
    return served.documentCount();
  }

  /** The name of the served generation: cite it to reproduce a result. */
  public String indexVersion() {
    return served.indexVersion();
  }

  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    String generatedAt = Instant.now().toString();
    IndexSnapshot s = served.acquire();
    try {
      PlanMatcher.Planned planned = matcher.matchPlanned(s, request, request.page() * request.size());
      Query textQuery = planned.marked();
      PlanMatcher.Matches matches = planned.matches();
      ScoreDoc[] page = SearchFilters.pageOf(matches.top().scoreDocs, request);
      List<SearchResult.Hit> hits = StoredArticles.hits(s, textQuery, page, true);
      Map<String, List<SearchResult.FacetValue>> facets = matches.facets() == null
          ? s.browseFacets(request.facetSize(), all -> new FacetCounts(all, taxonomy, request.facetSize()).all(request))
          : new FacetCounts(matches.facets(), taxonomy, request.facetSize()).all(request);
      String suggestion = suggestion(s, request, planned.strictTotal());
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResult(request.query(), matches.total(), !matches.partial(), request.page(), request.size(), tookMs,
          hits, facets, suggestion, matches.partial(), s.generation.getFileName().toString(), generatedAt, planned.matching());
    } finally {
      s.release();
    }
  }

  /**
   * Every match of {@code request} in its order, up to {@link SearchRequest#MAX_WINDOW}, with
   * snippets and without facets, whatever its page: what an export writes.
   */
  public Export export(SearchRequest request) throws IOException {
    String generatedAt = Instant.now().toString();
    IndexSnapshot s = served.acquire();
    try {
      PlanMatcher.Planned planned = matcher.matchPlanned(s, request, SearchRequest.MAX_WINDOW);
      PlanMatcher.Matches matches = planned.matches();
      List<SearchResult.Hit> hits = StoredArticles.hits(s, planned.marked(), matches.top().scoreDocs, true);
      Map<String, String> topicLabels = new java.util.TreeMap<>();
      for (SearchResult.Hit h : hits) {
        h.topics().forEach(id -> topicLabels.computeIfAbsent(id, t -> taxonomy.topic(t).map(topic -> topic.label())
            .orElse(t)));
      }
      return new Export(request.query(), matches.total(), matches.partial(), s.generation.getFileName().toString(),
          generatedAt, hits, topicLabels);
    } finally {
      s.release();
    }
  }

  /**
   * The ids of the first {@code depth} matches of {@code request} in rank order, without snippets
   * or facets: what an evaluation needs, at a fraction of an export's cost.
   */
  public List<String> ranking(SearchRequest request, int depth) throws IOException {
    IndexSnapshot s = served.acquire();
    try {
      return StoredArticles.ids(s, matcher.matchPlanned(s, request, depth).matches().top().scoreDocs);
    } finally {
      s.release();
    }
  }

  /**
   * What {@link #export} found: the hits, with snippets, and what is needed to cite them.
   *
   * @param topicLabels the label of each topic id the hits name (the id itself for a folder topic)
   */
  public record Export(String query, long total, boolean partial, String indexVersion, String generatedAt,
      List<SearchResult.Hit> hits, Map<String, String> topicLabels) {}

  /** Titles and entity names that complete {@code prefix}, entities first. */
  public List<Completion> complete(String prefix, int n) throws IOException {
    // Completion is for text being typed: past the length of anything typed into a box, the
    // suggester would only make a clause of every word. Never longer than a search may be.
    int maxChars = Math.min(limits.maxQueryChars(), MAX_COMPLETION_CHARS);
    if (prefix.length() > maxChars) {
      throw new InvalidRequestException("query_too_long",
          "the text has " + prefix.length() + " characters; at most " + maxChars + " are allowed");
    }
    IndexSnapshot s = served.acquire();
    try {
      return s.complete(prefix, n);
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryBuilder.tooComplex("it has more words than a completion may look up");
    } finally {
      s.release();
    }
  }

  /** Entity facet values with a word starting with {@code prefix}, of the given types if any. */
  public List<EntityValue> entityValues(String prefix, List<String> types, int n) throws IOException {
    IndexSnapshot s = served.acquire();
    try {
      return s.entities().search(prefix, types, n);
    } finally {
      s.release();
    }
  }

  /**
   * A corrected query, when few articles have every word as typed (fewer than the matching
   * rules' threshold, or none) and a correction of one or more words finds more.
   */
  private String suggestion(IndexSnapshot s, SearchRequest request, long total) throws IOException {
    if (request.syntax() != QuerySyntax.SIMPLE || request.query().isBlank()
        || total >= Math.max(1, matchingRules.relaxBelow())) {
      return null;
    }
    // Each count gets its own time budget: the candidates are looked up between counts.
    return s.spelling.correct(request.query(),
        corrected -> s.searcherWithin(limits.timeoutMillis())
            .count(SearchFilters.drillDown(planner.plan(corrected, request.syntax(), s.reader).strict().query(), request)),
        total);
  }

  public Optional<ArticleView> article(String id) throws IOException {
    IndexSnapshot s = served.acquire();
    try {
      return StoredArticles.article(s, id);
    } finally {
      s.release();
    }
  }

  /** Articles most like article {@code id} (MoreLikeThis over title and text); empty if no such article. */
  public Optional<List<RelatedArticle>> related(String id, int n) throws IOException {
    IndexSnapshot s = served.acquire();
    try {
      return StoredArticles.related(s, analyzer, id, n);
    } finally {
      s.release();
    }
  }

  @Override
  public void close() {
    facetExecutor.shutdown();
    served.close();
  }
}
