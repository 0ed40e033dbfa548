package newssearch.search.solr;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newssearch.enrich.Entity;
import newssearch.enrich.Taxonomy;
import newssearch.enrich.TopicTag;
import newssearch.index.Schema;
import newssearch.search.ArticleSearcher;
import newssearch.search.ArticleView;
import newssearch.search.Completion;
import newssearch.search.EntityValue;
import newssearch.search.InvalidRequestException;
import newssearch.search.MatchingRules;
import newssearch.search.QueryBuilder;
import newssearch.search.QueryPlan;
import newssearch.search.QueryPlanner;
import newssearch.search.QuerySyntax;
import newssearch.search.RelatedArticle;
import newssearch.search.RelevanceFeedback;
import newssearch.search.SearchEngine;
import newssearch.search.SearchLimits;
import newssearch.search.SearchRequest;
import newssearch.search.SearchResult;
import newssearch.search.SortOrder;
import newssearch.search.SpellingSuggester;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * The search engine of a SolrCloud collection (an alias; see {@link SolrCollections}). It keeps
 * no state of its own beyond a client, so any number of servers may answer for one collection.
 * Requests and results are those of the embedded engine, field for field.
 */
public final class SolrEngine implements SearchEngine {
  /** Rows per page of an export's cursor. */
  static final int EXPORT_PAGE = 1000;

  private final SolrNodes nodes;
  private final String collection;
  private final SolrCollections collections;
  private final SolrFacets facets;
  private final Taxonomy taxonomy;
  private final SearchLimits limits;
  private final QueryBuilder queries;
  private final QueryPlanner planner;
  private final MatchingRules rules;
  private final SolrTiers tiers;
  private final SolrEntities entityCatalog = new SolrEntities();

  /**
   * @param queryAnalyzer the query-time analyzer of the text fields: queries are parsed here
   *     first, so a query Solr would bend is refused with the embedded engine's error and limits
   */
  public SolrEngine(SolrNodes nodes, String collection, SolrCollections collections, Taxonomy taxonomy,
      Analyzer queryAnalyzer, SearchLimits limits) {
    this(nodes, collection, collections, taxonomy, queryAnalyzer, limits, MatchingRules.DEFAULT);
  }

  /**
   * @param rules when a query of words may match articles lacking some of them: the embedded
   *     engine's plan ({@link QueryPlanner}) decides, from the collection's word counts
   */
  public SolrEngine(SolrNodes nodes, String collection, SolrCollections collections, Taxonomy taxonomy,
      Analyzer queryAnalyzer, SearchLimits limits, MatchingRules rules) {
    Analyzer analyzer = Schema.analyzer(queryAnalyzer);
    this.queries = new QueryBuilder(analyzer, limits);
    this.planner = new QueryPlanner(analyzer, limits, rules, queries);
    this.rules = rules;
    this.tiers = new SolrTiers(rules);
    this.nodes = nodes;
    this.collection = collection;
    this.collections = collections;
    this.taxonomy = taxonomy;
    this.facets = new SolrFacets(taxonomy);
    this.limits = limits;
  }

  @Override
  public String engine() {
    return "solr";
  }

  @Override
  public int documentCount() throws IOException {
    return (int) SolrResponses.results(query(new ModifiableSolrParams().set("q", "*:*").set("rows", 0))).getNumFound();
  }

  /** The collection the alias points at: it names the index version, as generations do in the embedded engine. */
  @Override
  public String indexVersion() throws IOException {
    return collections.aliasTarget(collection).orElse(collection);
  }

  /** Solr moves searches to a new collection itself when the alias moves. */
  @Override
  public boolean refresh() {
    return false;
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    String generatedAt = Instant.now().toString();
    SolrWordStats stats = new SolrWordStats(this::query);
    String version = indexVersion();
    QueryPlan plan = plan(request, stats, version);
    SolrTiers.Planned planned = tiers.planned(request, plan, (tier, from, rows) -> {
      ModifiableSolrParams p = SolrQueries.matching(request, tier);
      p.set("fl", SolrHits.FIELDS);
      p.set("start", from);
      p.set("rows", rows);
      p.set("timeAllowed", Long.toString(limits.timeoutMillis()));
      p.set("json.facet", SolrFacets.request(request));
      SolrQueries.highlight(p);
      return query(p);
    }, true);
    List<RelevanceFeedback.Term> feedback = feedback(request, plan, planned, stats);
    if (!feedback.isEmpty()) {
      ModifiableSolrParams p = SolrQueries.matching(request, planned.tier());
      SolrQueries.rankedBy(p, feedback, plan.question().ranking().fieldTie(), plan.question().ranking().headlineWeight());
      p.set("fl", SolrHits.FIELDS);
      p.set("start", (request.page() - 1) * request.size());
      p.set("rows", request.size());
      p.set("timeAllowed", Long.toString(limits.timeoutMillis()));
      p.set("json.facet", SolrFacets.request(request));
      SolrQueries.highlight(p);
      planned = new SolrTiers.Planned(List.of(query(p)), planned.tier(), planned.total(), planned.strictTotal(),
          planned.matching());
    }
    NamedList<Object> response = planned.widest();
    Map<String, Map<String, List<String>>> highlighting = new java.util.HashMap<>();
    boolean partial = false;
    for (NamedList<Object> group : planned.groups()) {
      SolrResponses.highlighting(group).forEach(highlighting::putIfAbsent);
      partial |= SolrResponses.partial(group);
    }
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (SolrDocument d : SolrTiers.pageOf(planned, request)) {
      hits.add(SolrHits.hit(d, highlighting.get(String.valueOf(d.getFieldValue(Schema.ID)))));
    }
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    return new SearchResult(request.query(), planned.total(), !partial, request.page(), request.size(), tookMs, hits,
        facets.read((NamedList<?>) response.get("facets"), request), suggestion(request, planned.strictTotal(), stats),
        partial, version, generatedAt, planned.matching());
  }

  /**
   * A question's words mixed with those of its top articles (RM3, as the embedded engine does):
   * what ranks its matches again; empty when the request is no question ranked by relevance.
   */
  private List<RelevanceFeedback.Term> feedback(SearchRequest request, QueryPlan plan, SolrTiers.Planned planned,
      SolrWordStats stats) throws IOException {
    QueryPlan.Question question = plan.question();
    if (question == null || !question.ranking().feedback() || request.sort() != SortOrder.RELEVANCE
        || request.requireAll() || planned.total() == 0) {
      return List.of();
    }
    ModifiableSolrParams p = SolrQueries.matching(request, planned.tier());
    p.set("fl", Schema.ID + "," + Schema.TITLE + "," + Schema.TEXT + ",score");
    p.set("start", 0);
    p.set("rows", question.ranking().feedbackDocs());
    p.set("timeAllowed", Long.toString(limits.timeoutMillis()));
    List<RelevanceFeedback.Doc> docs = new ArrayList<>();
    for (SolrDocument d : SolrResponses.results(query(p))) {
      Object score = d.getFieldValue("score");
      docs.add(new RelevanceFeedback.Doc(SolrHits.string(d, Schema.TITLE) + "\n" + SolrHits.string(d, Schema.TEXT),
          score instanceof Number n ? n.floatValue() : 0f));
    }
    return planner.feedback(plan, docs, stats);
  }

  /**
   * A corrected query when few articles have every word as typed, chosen as the embedded engine
   * chooses ({@link SpellingSuggester}): candidates from Solr's spellcheck over the same
   * vocabulary, each whole corrected query counted with the request's filters.
   */
  private String suggestion(SearchRequest request, long total, SolrWordStats stats) throws IOException {
    if (request.syntax() != QuerySyntax.SIMPLE || request.query().isBlank() || total >= Math.max(1, rules.relaxBelow())) {
      return null;
    }
    return new SpellingSuggester(stats, stats).correct(request.query(), corrected -> {
      QueryPlan.Tier strict = planner.plan(corrected, request.syntax(), stats).strict();
      ModifiableSolrParams p = SolrQueries.matching(request.withQuery(corrected), strict);
      p.set("rows", 0);
      p.set("timeAllowed", Long.toString(limits.timeoutMillis()));
      return SolrResponses.results(query(p)).getNumFound();
    }, total);
  }

  /**
   * Every match in order, read with cursors, so deep pages cost no more than the first. Ranked
   * all-words first, as a search would rank them, each group (tier) is read in turn, leaving out
   * the articles an earlier group had.
   */
  @Override
  public ArticleSearcher.Export export(SearchRequest request) throws IOException {
    String generatedAt = Instant.now().toString();
    SolrWordStats stats = new SolrWordStats(this::query);
    String version = indexVersion();
    QueryPlan plan = plan(request, stats, version);
    // The tiers a search of this request would answer with, chosen by counts alone.
    Map<NamedList<Object>, QueryPlan.Tier> asked = new java.util.IdentityHashMap<>();
    SolrTiers.Planned planned = tiers.planned(request, plan, (t, from, rows) -> {
      NamedList<Object> counted = query(SolrQueries.matching(request, t).set("rows", 0));
      asked.put(counted, t);
      return counted;
    }, true);
    List<RelevanceFeedback.Term> feedback = feedback(request, plan, planned, stats);
    double tie = plan.question() == null ? 1 : plan.question().ranking().fieldTie();
    double headlineWeight = plan.question() == null ? 0 : plan.question().ranking().headlineWeight();
    List<SearchResult.Hit> hits = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    boolean partial = false;
    for (NamedList<Object> group : planned.groups()) {
      partial |= exportTier(request, asked.getOrDefault(group, planned.tier()), feedback, tie, headlineWeight, hits, seen);
    }
    long total = planned.total();
    Map<String, String> topicLabels = new java.util.TreeMap<>();
    for (SearchResult.Hit h : hits) {
      h.topics().forEach(id -> topicLabels.computeIfAbsent(id, t -> taxonomy.topic(t).map(topic -> topic.label()).orElse(t)));
    }
    return new ArticleSearcher.Export(request.query(), total, partial, version, generatedAt, hits, topicLabels);
  }

  /**
   * Adds the articles of {@code tier} not {@code seen} yet to {@code hits}, up to the window,
   * ranked by the expanded question when there is {@code feedback}; true if partial.
   */
  private boolean exportTier(SearchRequest request, QueryPlan.Tier tier, List<RelevanceFeedback.Term> feedback,
      double tie, double headlineWeight, List<SearchResult.Hit> hits, java.util.Set<String> seen) throws IOException {
    String cursor = "*";
    boolean partial = false;
    while (hits.size() < SearchRequest.MAX_WINDOW) {
      ModifiableSolrParams p = SolrQueries.matching(request, tier);
      if (!feedback.isEmpty()) {
        SolrQueries.rankedBy(p, feedback, tie, headlineWeight);
      }
      p.set("fl", SolrHits.FIELDS);
      p.set("rows", EXPORT_PAGE);
      p.set("cursorMark", cursor);
      NamedList<Object> response = query(p);
      SolrDocumentList docs = SolrResponses.results(response);
      partial |= SolrResponses.partial(response);
      for (SolrDocument d : docs) {
        if (hits.size() < SearchRequest.MAX_WINDOW && seen.add(String.valueOf(d.getFieldValue(Schema.ID)))) {
          hits.add(SolrHits.hit(d, null));
        }
      }
      String nextCursor = (String) response.get("nextCursorMark");
      if (docs.isEmpty() || nextCursor == null || nextCursor.equals(cursor)) {
        break;
      }
      cursor = nextCursor;
    }
    return partial;
  }

  /** Entity names first (most named first), then titles with words starting as typed. */
  @Override
  public List<Completion> complete(String prefix, int n) throws IOException {
    if (prefix.isBlank()) {
      return List.of();
    }
    List<Completion> out = new ArrayList<>();
    for (EntityValue v : entities(prefix, List.of(), n)) {
      out.add(new Completion(v.value(), Completion.ENTITY, null, v.type()));
    }
    List<String> words = TitleCompletions.words(prefix);
    if (out.size() < n && !words.isEmpty()) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (SolrDocument d : SolrResponses.results(query(TitleCompletions.request(words, n)))) {
        String title = SolrHits.string(d, Schema.TITLE);
        if (out.size() < n && TitleCompletions.matches(title, words) && seen.add(title)) {
          out.add(new Completion(title, Completion.TITLE, SolrHits.string(d, Schema.ID), null));
        }
      }
    }
    return out;
  }

  @Override
  public List<EntityValue> entityValues(String prefix, List<String> types, int n) throws IOException {
    return entities(prefix, types, n);
  }

  private List<EntityValue> entities(String prefix, List<String> types, int n) throws IOException {
    String version = indexVersion();
    ModifiableSolrParams catalogRequest = entityCatalog.requestIfStale(version);
    if (catalogRequest != null) {
      entityCatalog.read(version, query(catalogRequest));
    }
    return entityCatalog.search(prefix, types, n);
  }

  /** Articles most like article {@code id}: Solr's more-like-this over title and text, across shards. */
  @Override
  public Optional<List<RelatedArticle>> related(String id, int n) throws IOException {
    ModifiableSolrParams exists = new ModifiableSolrParams().set("q", "{!term f=" + Schema.ID + " v=$id}").set("id", id)
        .set("rows", 0);
    if (SolrResponses.results(query(exists)).getNumFound() == 0) {
      return Optional.empty();
    }
    ModifiableSolrParams p = new ModifiableSolrParams()
        .set("q", "{!mlt qf=" + Schema.TITLE + "," + Schema.TEXT + " mintf=1 mindf=1 maxqt=30 boost=true v=$id}")
        .set("id", id)
        .set("fq", "-{!term f=" + Schema.ID + " v=$id}")
        .set("fl", String.join(",", Schema.ID, Schema.TITLE, Schema.DATE_ISO, Schema.DATE_PRECISION, Schema.SOURCE,
            Schema.ENRICHMENT, "score"))
        .set("rows", n);
    List<RelatedArticle> related = new ArrayList<>();
    for (SolrDocument d : SolrResponses.results(query(p))) {
      Object score = d.getFieldValue("score");
      related.add(new RelatedArticle(SolrHits.string(d, Schema.ID), SolrHits.string(d, Schema.TITLE), SolrHits.nullable(d, Schema.DATE_ISO),
          SolrHits.string(d, Schema.SOURCE), Schema.enrichment(SolrHits.string(d, Schema.ENRICHMENT)).topics().stream().map(TopicTag::id).toList(),
          score instanceof Number f ? f.floatValue() : 0f, SolrHits.nullable(d, Schema.DATE_PRECISION)));
    }
    return Optional.of(related);
  }

  @Override
  public Optional<ArticleView> article(String id) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams()
        .set("q", "{!term f=" + Schema.ID + " v=$id}").set("id", id).set("rows", 1)
        .set("fl", String.join(",", Schema.ID, Schema.TITLE, Schema.TITLE_ORIGIN, Schema.DATE_ISO, Schema.DATE_PRECISION,
            Schema.DATE_BASIS, Schema.SOURCE, Schema.URL, Schema.ENRICHMENT, Schema.TEXT));
    SolrDocumentList docs = SolrResponses.results(query(p));
    if (docs.isEmpty()) {
      return Optional.empty();
    }
    SolrDocument d = docs.get(0);
    return Optional.of(SolrHits.article(d));
  }

  @Override
  public void close() {
    nodes.close();
  }

  private volatile String combinedCheckedFor;
  private volatile boolean combinedHeld;

  /**
   * The plan of {@code request}; a question's headline and text are scored apart when the
   * collection has no {@link SolrFields#HEADLINE_TEXT} (one made by an earlier version: making it
   * again with {@code index --solr} adds it), rather than failing on an unknown field.
   */
  private QueryPlan plan(SearchRequest request, SolrWordStats stats, String version) throws IOException {
    QueryPlan plan = planner.plan(request.query(), request.syntax(), stats);
    if (plan.question() == null || plan.question().ranking().headlineWeight() == 0 || holdsCombinedField(version)) {
      return plan;
    }
    return plan.withHeadlineWeight(0);
  }

  /** Whether the collection of {@code version} has {@link SolrFields#HEADLINE_TEXT}; asked once per version. */
  private boolean holdsCombinedField(String version) throws IOException {
    if (!version.equals(combinedCheckedFor)) {
      boolean held = true;
      try {
        query(new ModifiableSolrParams().set("q", SolrFields.HEADLINE_TEXT + ":probe").set("rows", 0));
      } catch (InvalidRequestException e) {
        held = false; // "undefined field"
      }
      combinedHeld = held;
      combinedCheckedFor = version;
    }
    return combinedHeld;
  }

  /** Runs a query; Solr's refusal of a query it cannot parse is the user's 400, as in the embedded engine. */
  private NamedList<Object> query(ModifiableSolrParams p) throws IOException {
    try {
      return nodes.request(new QueryRequest(p, org.apache.solr.client.solrj.SolrRequest.METHOD.POST), collection);
    } catch (SolrNodes.SolrRequestException e) {
      if (e.status() == 400) {
        throw new InvalidRequestException("bad_query", "the query cannot be run: " + firstLine(e.getMessage()));
      }
      throw e;
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }
}
