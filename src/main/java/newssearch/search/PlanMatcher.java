package newssearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
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
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import newssearch.index.Schema;

/**
 * Runs a request's query plan on one snapshot of the embedded index: the tiers of matching from
 * every word to the plan's loosest, a question's feedback ranking, the filters and the facet
 * counts. What a search means is the plan's ({@link QueryPlanner}); this is how the embedded
 * engine carries it out. {@link ArticleSearcher} turns the matches into a page of results.
 */
final class PlanMatcher {
  /**
   * Hits a browse of every article counts before it may skip the rest: the total is known
   * without them, and skipping lets a sorted search leave most articles unvisited.
   */
  private static final int TOP_HITS_COUNTED = 1000;

  private final QueryPlanner planner;
  private final MatchingRules matchingRules;
  private final SearchLimits limits;
  private final FacetsConfig facetsConfig = Schema.facetsConfig();
  private final ExecutorService facetExecutor;

  /** @param facetExecutor runs the sideways facet counts of a filtered search side by side */
  PlanMatcher(QueryPlanner planner, MatchingRules matchingRules, SearchLimits limits, ExecutorService facetExecutor) {
    this.planner = planner;
    this.matchingRules = matchingRules;
    this.limits = limits;
    this.facetExecutor = facetExecutor;
  }

  /**
   * The matches of one search: the top {@code window} hits, facet counts (none when it matched
   * every article unfiltered, whose counts the snapshot keeps), and whether time ran out.
   */
  record Matches(TopDocs top, Facets facets, long total, boolean partial) {}

  /**
   * The query that ran, what it matched, and how its words were matched; {@code marked} is what
   * the page's snippets mark (the query without the clauses that only rank).
   */
  record Planned(Query query, Matches matches, Matching matching, long strictTotal, Query marked) {}

  /**
   * Runs the query requiring every word; unless the request insists on every word, also runs the
   * looser queries of the plan in turn, each adding the articles it finds: for a keyword query
   * while fewer articles than the rules' threshold are found, for a long query (a question) all
   * of them. Ranked by relevance, the articles with
   * every word come first, then each looser query's other matches in its order (Typesense's
   * drop_tokens, Meilisearch's "last" matching strategy): relaxing adds matches after, never
   * pushes an article with every word down.
   */
  Planned matchPlanned(IndexSnapshot s, SearchRequest request, int window) throws IOException {
    QueryPlan plan = planner.plan(request.query(), request.syntax(), s.reader);
    QueryPlan.Question question = plan.question();
    boolean rerank = question != null && question.near() != null && request.sort() == SortOrder.RELEVANCE;
    // A question to rank again is matched as deep as the reranking and the feedback read.
    Planned planned = matchTiers(s, request, plan,
        rerank ? Math.max(window, Math.max(RERANK_DOCS, question.ranking().feedbackDocs())) : window);
    ScoreDoc[] firstRanking = planned.matches.top.scoreDocs;
    if (rerank && planned.matches.total > 0) {
      firstRanking = reranked(s.searcherWithin(limits.timeoutMillis()), planned.matches.top,
          RankingQueries.nearQuery(question.near()));
      ScoreDoc[] page = java.util.Arrays.copyOf(firstRanking, Math.min(window, firstRanking.length));
      Matches m = planned.matches;
      planned = new Planned(planned.query, new Matches(new TopDocs(m.top.totalHits, page), m.facets, m.total, m.partial),
          planned.matching, planned.strictTotal, planned.marked);
    }
    return feedback(s, request, plan, planned, firstRanking, window);
  }

  /**
   * How many of a question's first results its neighbouring words rank again, as Solr's rerank
   * query ({@code reRankDocs}) and Lucene's {@code QueryRescorer} do: a sloppy phrase costs a
   * walk through the positions of each article it is asked about, and a question matches most of
   * a corpus, so the pairs are asked only about the articles that can reach the first page or the
   * feedback articles.
   */
  static final int RERANK_DOCS = 100;

  /**
   * {@code first}, its first {@link #RERANK_DOCS} ranked again by their score plus that of
   * {@code near} (the sequential dependence of a question's words). Only the order changes: what
   * matched, totals, facets and what is marked stay.
   */
  private static ScoreDoc[] reranked(IndexSearcher searcher, TopDocs first, Query near) throws IOException {
    int head = Math.min(first.scoreDocs.length, RERANK_DOCS);
    TopDocs rescored = QueryRescorer.rescore(searcher,
        new TopDocs(first.totalHits, java.util.Arrays.copyOf(first.scoreDocs, head)), near, 1, head);
    List<ScoreDoc> all = new ArrayList<>(List.of(rescored.scoreDocs));
    all.addAll(List.of(first.scoreDocs).subList(head, first.scoreDocs.length));
    return all.toArray(ScoreDoc[]::new);
  }

  private Planned matchTiers(IndexSnapshot s, SearchRequest request, QueryPlan plan, int window) throws IOException {
    QueryPlan.Tier first = plan.strict();
    Matches strict = match(s, first.query(), request, window);
    Matching firstMatching = first.matching() == null ? null : first.matching().withAllWords(strict.total);
    Planned best = new Planned(first.query(), strict, firstMatching, strict.total, first.marked());
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
        Query marked = strict.total == 0 ? tier.marked() : new BooleanQuery.Builder()
            .add(tier.marked(), BooleanClause.Occur.SHOULD)
            .add(first.marked(), BooleanClause.Occur.SHOULD)
            .build();
        best = new Planned(query, looser, tier.matching().withAllWords(strict.total), strict.total, marked);
      }
    }
    if (append && groups.size() > 1) {
      Matching m = best.matching;
      best = new Planned(best.query, inOrder(groups, window), m.rankedAllFirst(), strict.total, best.marked);
    }
    return best;
  }

  /**
   * A question's matches ranked again with pseudo-relevance feedback (RM3): the words that best
   * describe its top articles join the question, and the same articles are ranked by the
   * expanded question. What matched, the totals, facets and highlighted words stay the question's.
   */
  private Planned feedback(IndexSnapshot s, SearchRequest request, QueryPlan plan, Planned planned,
      ScoreDoc[] firstRanking, int window) throws IOException {
    QueryPlan.Question question = plan.question();
    if (question == null || !question.ranking().feedback() || request.sort() != SortOrder.RELEVANCE
        || request.requireAll() || planned.matches.total == 0) {
      return planned;
    }
    ScoreDoc[] top = firstRanking;
    if (top.length < Math.min(question.ranking().feedbackDocs(), planned.matches.total)) {
      top = match(s, planned.query, request, question.ranking().feedbackDocs()).top.scoreDocs;
    }
    List<RelevanceFeedback.Doc> docs = StoredArticles.feedbackDocs(s, top, question.ranking().feedbackDocs());
    List<RelevanceFeedback.Term> terms = planner.feedback(plan, docs, WordStats.of(s.reader));
    if (terms.isEmpty()) {
      return planned;
    }
    try {
      Matches ranked = findMatches(s, RankingQueries.rankedBy(planned.query, question, terms), request, window);
      return new Planned(planned.query, ranked, planned.matching, planned.strictTotal, planned.marked);
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
}
