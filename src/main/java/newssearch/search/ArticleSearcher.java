package newssearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import newssearch.enrich.Entity;
import newssearch.enrich.Taxonomy;
import newssearch.enrich.TopicTag;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Answers searches and article look-ups against the generation an {@link IndexStore} serves.
 * {@link #refresh()} switches to a newer generation without disturbing searches under way.
 */
public final class ArticleSearcher implements SearchEngine {
  /** The stored fields a hit shows; the article text is left on disk (the highlighter reads its own). */
  private static final Set<String> HIT_FIELDS = Set.of(Schema.ID, Schema.TITLE, Schema.DATE_ISO,
      Schema.DATE_PRECISION, Schema.SOURCE, Schema.URL, Schema.ENRICHMENT, Schema.INDEXED_AT);

  /**
   * Hits a browse of every article counts before it may skip the rest: the total is known
   * without them, and skipping lets a sorted search leave most articles unvisited.
   */
  private static final int TOP_HITS_COUNTED = 1000;

  /** Longest text {@link #complete} takes. */
  static final int MAX_COMPLETION_CHARS = 1000;

  /** Most related articles one request may ask for. */
  public static final int MAX_RELATED = 20;

  private final IndexStore store;
  private final Analyzer analyzer;
  private final Taxonomy taxonomy;
  private final QueryBuilder queries;
  private final QueryPlanner planner;
  private final MatchingRules matchingRules;
  private final SearchLimits limits;
  private final FacetsConfig facetsConfig = Schema.facetsConfig();
  private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
  /** Runs the sideways facet counts of a filtered search side by side, and background warm-ups. */
  private final ExecutorService facetExecutor = Executors.newVirtualThreadPerTaskExecutor();
  /** The served generation open for live updates; null when this searcher only reads. */
  private LiveIndex live;
  /** Completions are built one at a time, for the newest snapshot: a refresh during a build asks for another. */
  private final AtomicBoolean completionsWanted = new AtomicBoolean();
  private final ReentrantLock buildingCompletions = new ReentrantLock();

  private ArticleSearcher(IndexStore store, Analyzer queryAnalyzer, Taxonomy taxonomy, SearchLimits limits,
      MatchingRules matchingRules) {
    this.store = store;
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
    ArticleSearcher searcher = new ArticleSearcher(store, queryAnalyzer, taxonomy, limits, matchingRules);
    Path generation = store.current().orElseThrow(() -> new IOException("no index in " + store.root()));
    searcher.current.set(IndexSnapshot.open(generation, searcher.analyzer));
    searcher.warmCompletions();
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
    ArticleSearcher searcher = new ArticleSearcher(store, queryAnalyzer, taxonomy, limits, matchingRules);
    searcher.live = live;
    LiveIndex.Reader r = live.acquire();
    searcher.current.set(IndexSnapshot.adopt(r.generation(), r.reader(), searcher.analyzer, null));
    searcher.warmCompletions();
    return searcher;
  }

  /**
   * Switches to the store's current generation if it changed, or with live updates to the newest
   * reader of the live index; true if it did.
   */
  public synchronized boolean refresh() throws IOException {
    if (live != null) {
      return refreshLive();
    }
    Optional<Path> generation = store.current();
    IndexSnapshot old = current.get();
    if (generation.isEmpty() || generation.get().equals(old.generation)) {
      return false;
    }
    current.set(IndexSnapshot.open(generation.get(), analyzer));
    old.release();
    warmCompletions();
    return true;
  }

  private boolean refreshLive() throws IOException {
    live.refresh();
    LiveIndex.Reader r = live.acquire();
    IndexSnapshot old = current.get();
    if (r.reader() == old.reader) {
      LiveIndex.release(r);
      return false;
    }
    // Facet state, spelling memory and the rest are per reader: the new snapshot builds its own.
    current.set(IndexSnapshot.adopt(r.generation(), r.reader(), analyzer, old));
    old.release();
    warmCompletions();
    return true;
  }

  /**
   * Builds the served snapshot's completions in the background, so the first keystroke does not
   * wait. The suggester is the costly part of a refresh (every title again), so builds run one at
   * a time, for the newest snapshot only; meanwhile the previous snapshot's completions answer.
   */
  private void warmCompletions() {
    completionsWanted.set(true);
    facetExecutor.execute(() -> {
      if (!buildingCompletions.tryLock()) {
        return; // the running build looks at completionsWanted again when it ends
      }
      try {
        while (completionsWanted.getAndSet(false)) {
          pauseBetweenCompletionBuilds();
          IndexSnapshot s = current.get();
          if (s == null || !s.tryAcquire()) {
            return;
          }
          try {
            s.completions();
          } catch (RuntimeException e) {
            // A failed build is logged by the snapshot, which then completes nothing.
          } finally {
            s.release();
          }
        }
      } finally {
        buildingCompletions.unlock();
      }
      if (completionsWanted.get()) {
        warmCompletions();
      }
    });
  }

  /**
   * Under a steady stream of updates a refresh comes every half second, and building the suggester
   * again each time would take a core: builds are at least this far apart, so completions lag the
   * searchable index by up to this long plus a build.
   */
  private static final long COMPLETIONS_MIN_INTERVAL_NANOS = 5_000_000_000L;
  private volatile long lastCompletionsBuild = System.nanoTime() - COMPLETIONS_MIN_INTERVAL_NANOS;

  private void pauseBetweenCompletionBuilds() {
    long wait = lastCompletionsBuild + COMPLETIONS_MIN_INTERVAL_NANOS - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lastCompletionsBuild = System.nanoTime();
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
    String generatedAt = Instant.now().toString();
    IndexSnapshot s = acquire();
    try {
      Planned planned = matchPlanned(s, request, request.page() * request.size());
      Query textQuery = planned.query;
      Matches matches = planned.matches;
      ScoreDoc[] page = pageOf(matches.top.scoreDocs, request);
      List<SearchResult.Hit> hits = hits(s, textQuery, page, true);
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
    IndexSnapshot s = acquire();
    try {
      Planned planned = matchPlanned(s, request, SearchRequest.MAX_WINDOW);
      Matches matches = planned.matches;
      List<SearchResult.Hit> hits = hits(s, planned.query, matches.top.scoreDocs, true);
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
    IndexSnapshot s = acquire();
    try {
      Planned planned = matchPlanned(s, request, depth);
      StoredFields stored = s.searcher.storedFields();
      List<String> ids = new ArrayList<>();
      for (ScoreDoc sd : planned.matches.top.scoreDocs) {
        ids.add(stored.document(sd.doc, Set.of(Schema.ID)).get(Schema.ID));
      }
      return ids;
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
    IndexSnapshot s = acquire();
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
    IndexSnapshot s = acquire();
    try {
      return s.entities().search(prefix, types, n);
    } finally {
      s.release();
    }
  }

  /** Articles most like article {@code id} (MoreLikeThis over title and text); empty if no such article. */
  public Optional<List<RelatedArticle>> related(String id, int n) throws IOException {
    IndexSnapshot s = acquire();
    try {
      OptionalInt doc = docOf(s, id);
      if (doc.isEmpty()) {
        return Optional.empty();
      }
      Query like = new BooleanQuery.Builder()
          .add(moreLikeThis(s).like(doc.getAsInt()), BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term(Schema.ID, id)), BooleanClause.Occur.MUST_NOT)
          .build();
      List<RelatedArticle> related = new ArrayList<>();
      for (ScoreDoc sd : s.searcher.search(like, n).scoreDocs) {
        Document d = s.searcher.storedFields().document(sd.doc);
        related.add(new RelatedArticle(d.get(Schema.ID), d.get(Schema.TITLE), d.get(Schema.DATE_ISO),
            orEmpty(d.get(Schema.SOURCE)), topicIds(d), sd.score, d.get(Schema.DATE_PRECISION)));
      }
      return Optional.of(related);
    } finally {
      s.release();
    }
  }

  private MoreLikeThis moreLikeThis(IndexSnapshot s) throws IOException {
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
    QueryPlan.Tier first = plan.strict();
    Matches strict = match(s, first.query(), request, window);
    Matching firstMatching = first.matching() == null ? null : first.matching().withAllWords(strict.total);
    Planned best = new Planned(first.query(), strict, firstMatching, strict.total);
    if (request.requireAll() || plan.tiers().size() == 1) {
      return best;
    }
    boolean append = request.sort() == SortOrder.RELEVANCE && strict.total > 0;
    // A question or a pasted paragraph gets all its partial matches, its quotation marks read as
    // words too (Meilisearch's "last"); a keyword query relaxes only until enough articles are
    // found (Typesense's drop_tokens_threshold).
    boolean question = matchingRules.relaxAll(first.matching().words());
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
   * One ranking of nested matches: each group's articles not already in an earlier group, in the
   * group's order, up to {@code window}; the total and facets are the last (widest) group's.
   */
  private static Matches inOrder(List<Matches> groups, int window) {
    List<ScoreDoc> docs = new ArrayList<>();
    Set<Integer> seen = new java.util.HashSet<>();
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
    DrillDownQuery drill = drillDown(textQuery, request);
    if (textQuery instanceof MatchAllDocsQuery && request.since() == null && drill.getDrillDownQueries().length == 0) {
      return everything(s, searcher, drill, request, window);
    }
    // With an executor, DrillSideways runs the drill-down and each sideways count as a query of
    // its own. Its one-pass scorer, used without one, cannot be cut short by the time budget.
    // Without filters there is no sideways count: the search is one plain query, run in this
    // thread rather than handed to another and waited for.
    ExecutorService executor = drill.getDrillDownQueries().length == 0 ? null : facetExecutor;
    DrillSideways sideways = new DrillSideways(searcher, facetsConfig, null, s.facetState, executor);
    DrillSideways.DrillSidewaysResult result = sideways.search(drill, null, null, window, sort(request.sort()), true);
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
    TopFieldDocs top = searcher.search(all, new TopFieldCollectorManager(sort(request.sort()), topN, null, TOP_HITS_COUNTED));
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
            .count(drillDown(planner.plan(corrected, request.syntax(), s.reader).strict().query(), request)),
        total);
  }

  public Optional<ArticleView> article(String id) throws IOException {
    IndexSnapshot s = acquire();
    try {
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
    } finally {
      s.release();
    }
  }

  @Override
  public void close() {
    facetExecutor.shutdown();
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
    Query base = textQuery;
    if (request.since() != null) {
      // Arrived strictly after the instant: a client passing the time of its last look sees only what is new.
      base = new BooleanQuery.Builder()
          .add(textQuery, BooleanClause.Occur.MUST)
          .add(LongField.newRangeQuery(Schema.INDEXED_AT, request.since().toEpochMilli() + 1, Long.MAX_VALUE),
              BooleanClause.Occur.FILTER)
          .build();
    }
    DrillDownQuery drill = new DrillDownQuery(facetsConfig, base);
    if (request.allTopics() && request.topics().size() > 1) {
      // Every topic: one drill-down clause that requires them all, so the topic facet still
      // counts sideways (as if no topic were ticked) like any other multi-select facet.
      String field = facetsConfig.getDimConfig(Schema.TOPIC).indexFieldName;
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      request.topics().forEach(t -> all.add(new TermQuery(DrillDownQuery.term(field, Schema.TOPIC, t)), BooleanClause.Occur.FILTER));
      drill.add(Schema.TOPIC, all.build());
    } else {
      for (String topic : request.topics()) {
        drill.add(Schema.TOPIC, topic);
      }
    }
    for (String source : request.sources()) {
      drill.add(Schema.SOURCE, source);
    }
    Query entities = entityFilter(request);
    if (entities != null) {
      drill.add(Schema.ENTITY, entities);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : Schema.dateValue(request.from());
      long to = request.to() == null ? Long.MAX_VALUE : Schema.dateValue(request.to());
      drill.add(Schema.MONTH, LongField.newRangeQuery(Schema.DATE, from, to));
    }
    return drill;
  }

  /** Any of the named entities, and any entity of the given types; both when both are given. */
  private Query entityFilter(SearchRequest request) {
    List<Query> terms = new ArrayList<>();
    if (!request.entities().isEmpty()) {
      terms.add(anyOf(request.entities().stream().map(e -> new Term(Schema.ENTITY, e)).toList()));
    }
    if (!request.entityTypes().isEmpty()) {
      String field = facetsConfig.getDimConfig(Schema.ENTITY).indexFieldName;
      terms.add(anyOf(request.entityTypes().stream().map(t -> DrillDownQuery.term(field, Schema.ENTITY, t)).toList()));
    }
    if (terms.isEmpty()) {
      return null;
    }
    if (terms.size() == 1) {
      return terms.get(0);
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    terms.forEach(q -> all.add(q, BooleanClause.Occur.FILTER));
    return all.build();
  }

  private static Query anyOf(List<Term> terms) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Term t : terms) {
      any.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private static Sort sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, Schema.newestFirst(), Schema.byId());
      case NEWEST -> new Sort(Schema.newestFirst(), Schema.byId());
      case OLDEST -> new Sort(Schema.oldestFirst(), Schema.byId());
      case ARRIVAL -> new Sort(Schema.newestArrivalFirst(), Schema.byId());
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

  private List<SearchResult.Hit> hits(IndexSnapshot s, Query textQuery, ScoreDoc[] page, boolean highlight)
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
}
