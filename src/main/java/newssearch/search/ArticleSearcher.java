package newssearch.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import newssearch.enrich.Taxonomy;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The embedded engine: answers searches and article look-ups against the generation an {@link IndexStore}
 * serves, or the newest reader of a {@link LiveIndex} ({@link ServedSnapshots}). It plans the words
 * ({@link QueryPlanner}), filters ({@link SearchFilters}), counts facets and reads hits ({@link StoredArticles}).
 * {@link #refresh()} switches to a newer generation without disturbing searches under way.
 */
public final class ArticleSearcher implements SearchEngine {
  /**
   * Hits a browse of every article counts before it may skip the rest: the total is known
   * without them, and skipping lets a sorted search leave most articles unvisited.
   */
  private static final int TOP_HITS_COUNTED = 1000;

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
  private final FacetsConfig facetsConfig = Schema.facetsConfig();
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
      Planned planned = matchPlanned(s, request, request.page() * request.size());
      Query textQuery = planned.query;
      Matches matches = planned.matches;
      ScoreDoc[] page = SearchFilters.pageOf(matches.top.scoreDocs, request);
      List<SearchResult.Hit> hits = StoredArticles.hits(s, textQuery, page, true);
      Map<String, List<SearchResult.FacetValue>> facets = matches.facets == null
          ? s.browseFacets(request.facetSize(), all -> new FacetCounts(all, taxonomy, request.facetSize()).all(request))
          : new FacetCounts(matches.facets, taxonomy, request.facetSize()).all(request);
      String suggestion = suggestion(s, request, planned.strictTotal);
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResult(request.query(), matches.total, !matches.partial, request.page(), request.size(), tookMs,
          hits, facets, suggestion, matches.partial, s.generation.getFileName().toString(), generatedAt, planned.matching);
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
      Planned planned = matchPlanned(s, request, SearchRequest.MAX_WINDOW);
      Matches matches = planned.matches;
      List<SearchResult.Hit> hits = StoredArticles.hits(s, planned.query, matches.top.scoreDocs, true);
      Map<String, String> topicLabels = new java.util.TreeMap<>();
      for (SearchResult.Hit h : hits) {
        h.topics().forEach(id -> topicLabels.computeIfAbsent(id, t -> taxonomy.topic(t).map(topic -> topic.label())
            .orElse(t)));
      }
      return new Export(request.query(), matches.total, matches.partial, s.generation.getFileName().toString(),
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
      return StoredArticles.ids(s, matchPlanned(s, request, depth).matches.top.scoreDocs);
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
   * The matches of one search: the top {@code window} hits, facet counts (none when it matched
   * every article unfiltered, whose counts the snapshot keeps), and whether time ran out.
   */
  private record Matches(TopDocs top, Facets facets, long total, boolean partial) {}

  /** The query that ran, what it matched, and how its words were matched. */
  private record Planned(Query query, Matches matches, Matching matching, long strictTotal) {}

  /**
   * Runs the query requiring every word; unless the request insists on every word, also runs the
   * looser queries of the plan in turn, each adding the articles it finds: for a keyword query
   * while fewer articles than the rules' threshold are found, for a long query (a question) all
   * of them. Ranked by relevance, the articles with
   * every word come first, then each looser query's other matches in its order (Typesense's
   * drop_tokens, Meilisearch's "last" matching strategy): relaxing adds matches after, never
   * pushes an article with every word down.
   */
  private Planned matchPlanned(IndexSnapshot s, SearchRequest request, int window) throws IOException {
    QueryPlan plan = planner.plan(request.query(), request.syntax(), s.reader);
    Planned planned = matchTiers(s, request, plan, window);
    return feedback(s, request, plan, planned, window);
  }

  private Planned matchTiers(IndexSnapshot s, SearchRequest request, QueryPlan plan, int window) throws IOException {
    QueryPlan.Tier first = plan.strict();
    Matches strict = match(s, first.query(), request, window);
    Matching firstMatching = first.matching() == null ? null : first.matching().withAllWords(strict.total);
    Planned best = new Planned(first.query(), strict, firstMatching, strict.total);
    if (request.requireAll() || plan.tiers().size() == 1) {
      return best;
    }
    // A question or a pasted paragraph gets all its partial matches, its quotation marks read as
    // words too (Meilisearch's "last"); a keyword query relaxes only until enough articles are
    // found (Typesense's drop_tokens_threshold). A question's matches are ranked by BM25 alone,
    // as a search engine ranks a long query: few articles have all of its words, and having them
    // all says little (measured the same with or without them first: MAP 0.1943 / 0.3002).
    boolean question = matchingRules.relaxAll(first.matching().words());
    boolean append = request.sort() == SortOrder.RELEVANCE && strict.total > 0 && !question;
    List<Matches> groups = new ArrayList<>(List.of(strict));
    for (QueryPlan.Tier tier : plan.tiers().subList(1, plan.tiers().size())) {
      if (!question && (best.matches.total >= matchingRules.relaxBelow()
          || tier.onlyWhenNothing() && best.matches.total > 0)) {
        break;
      }
      // Every article with all the words stays a match, whatever the looser query's own reading.
      Query query = strict.total == 0 ? tier.query() : new BooleanQuery.Builder()
          .add(tier.query(), BooleanClause.Occur.SHOULD)
          .add(new BoostQuery(new ConstantScoreQuery(first.query()), 0f), BooleanClause.Occur.SHOULD)
          .build();
      Matches looser = match(s, query, request, append ? window + (int) Math.min(strict.total, window) : window);
      if (looser.total > best.matches.total) {
        groups.add(looser);
        best = new Planned(query, looser, tier.matching().withAllWords(strict.total), strict.total);
      }
    }
    if (append && groups.size() > 1) {
      Matching m = best.matching;
      best = new Planned(best.query, inOrder(groups, window), m.rankedAllFirst(), strict.total);
    }
    return best;
  }

  /**
   * A question's matches ranked again with pseudo-relevance feedback (RM3): the words that best
   * describe its top articles join the question, and the same articles are ranked by the
   * expanded question. What matched, the totals, facets and highlighted words stay the question's.
   */
  private Planned feedback(IndexSnapshot s, SearchRequest request, QueryPlan plan, Planned planned, int window)
      throws IOException {
    QueryPlan.Question question = plan.question();
    if (question == null || !question.ranking().feedback() || request.sort() != SortOrder.RELEVANCE
        || request.requireAll() || planned.matches.total == 0) {
      return planned;
    }
    ScoreDoc[] top = planned.matches.top.scoreDocs;
    if (top.length < Math.min(question.ranking().feedbackDocs(), planned.matches.total)) {
      top = match(s, planned.query, request, question.ranking().feedbackDocs()).top.scoreDocs;
    }
    List<RelevanceFeedback.Doc> docs = StoredArticles.feedbackDocs(s, top, question.ranking().feedbackDocs());
    List<RelevanceFeedback.Term> terms = planner.feedback(plan, docs, WordStats.of(s.reader));
    if (terms.isEmpty()) {
      return planned;
    }
    try {
      Matches ranked = findMatches(s, QueryPlanner.rankedBy(planned.query, question, terms), request, window);
      return new Planned(planned.query, ranked, planned.matching, planned.strictTotal);
    } catch (IndexSearcher.TooManyClauses e) {
      // A question near the term budget with its feedback words is too big to run: its first
      // ranking stands, rather than refusing a question that was answered.
      return planned;
    }
  }

  /**
   * One ranking of nested matches: each group's articles not already in an earlier group, in the
   * group's order, up to {@code window}; the total and facets are the last (widest) group's.
   */
  private static Matches inOrder(List<Matches> groups, int window) {
    List<ScoreDoc> docs = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Matches group : groups) {
      for (ScoreDoc d : group.top.scoreDocs) {
        if (docs.size() >= window) {
          break;
        }
        if (seen.add(d.doc)) {
          docs.add(d);
        }
      }
    }
    Matches widest = groups.get(groups.size() - 1);
    boolean partial = groups.stream().anyMatch(Matches::partial);
    return new Matches(new TopDocs(widest.top.totalHits, docs.toArray(ScoreDoc[]::new)), widest.facets, widest.total,
        partial);
  }

  private Matches match(IndexSnapshot s, Query textQuery, SearchRequest request, int window) throws IOException {
    try {
      return findMatches(s, textQuery, request, window);
    } catch (IndexSearcher.TooManyClauses e) {
      // Raised while the filters are built or the query is rewritten, whatever part of the request grew them.
      throw QueryBuilder.tooComplex("with its filters it expands to more than " + IndexSearcher.getMaxClauseCount()
          + " terms; use fewer words or filter values");
    }
  }

  private Matches findMatches(IndexSnapshot s, Query textQuery, SearchRequest request, int window) throws IOException {
    IndexSearcher searcher = s.searcherWithin(limits.timeoutMillis());
    DrillDownQuery drill = SearchFilters.drillDown(textQuery, request);
    if (textQuery instanceof MatchAllDocsQuery && request.since() == null && drill.getDrillDownQueries().length == 0) {
      return everything(s, searcher, drill, request, window);
    }
    // With an executor, DrillSideways runs the drill-down and each sideways count as a query of
    // its own. Its one-pass scorer, used without one, cannot be cut short by the time budget.
    // Without filters there is no sideways count: the search is one plain query, run in this
    // thread rather than handed to another and waited for.
    ExecutorService executor = drill.getDrillDownQueries().length == 0 ? null : facetExecutor;
    DrillSideways sideways = new DrillSideways(searcher, facetsConfig, null, s.facetState(), executor);
    DrillSideways.DrillSidewaysResult result = sideways.search(drill, null, null, window, SearchFilters.sort(request.sort()), true);
    long total = exactTotal(result.drillDownFacetsCollector, result.hits.totalHits);
    return new Matches(result.hits, result.facets, total, searcher.timedOut());
  }

  /**
   * Every article, unfiltered: the top hits from a sorted search, as DrillSideways would sort and
   * score them, without counting facets, which are the same for every such search.
   */
  private static Matches everything(IndexSnapshot s, IndexSearcher searcher, DrillDownQuery all, SearchRequest request,
      int window) throws IOException {
    int topN = Math.min(window, Math.max(1, s.reader.maxDoc()));
    TopFieldDocs top = searcher.search(all, new TopFieldCollectorManager(SearchFilters.sort(request.sort()), topN, null, TOP_HITS_COUNTED));
    TopFieldCollector.populateScores(top.scoreDocs, searcher, all);
    boolean partial = searcher.timedOut();
    long total = partial ? top.totalHits.value() : s.reader.numDocs();
    return new Matches(top, null, total, partial);
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
