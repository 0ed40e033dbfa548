package newssearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.index.Schema;
import newssearch.search.ArticleSearcher;
import newssearch.search.QueryBuilder;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Times each query of the list three ways on the same index, in turn:
 *
 * <ul>
 *   <li><b>full</b>: {@link ArticleSearcher#search} (drill-sideways facets, highlighting, stored fields);
 *   <li><b>bare</b>: Lucene top docs for the same text query and filters ({@code IndexSearcher.search(query, n)},
 *       with the same sort when the request sorts by date);
 *   <li><b>facets</b>: bare plus what a plain Lucene program does to count facets of every match
 *       ({@link FacetsCollectorManager} and {@link SortedSetDocValuesFacetCounts}, every dimension).
 * </ul>
 */
final class SearchBench {
  /** The ways a query is run. */
  enum Way { FULL, BARE, FACETS }

  /** Latencies of every query per way, wall and CPU time, overall and by kind, and each query's own. */
  record Result(Map<Way, Latencies> wall, Map<Way, Latencies> cpu, Map<String, Map<Way, Latencies>> byKind,
      List<PerQuery> perQuery, int rounds) {

    Latencies full() {
      return wall.get(Way.FULL);
    }

    Latencies bare() {
      return wall.get(Way.BARE);
    }

    Latencies facets() {
      return wall.get(Way.FACETS);
    }

    Latencies fullCpu() {
      return cpu.get(Way.FULL);
    }

    Latencies bareCpu() {
      return cpu.get(Way.BARE);
    }
  }

  /** One query's median each way and how many articles it matched. */
  record PerQuery(BenchQuery query, long total, double fullP50, double bareP50, double facetsP50) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int FACET_TOP_N = 20;

  private final ArticleSearcher searcher;
  private final QueryBuilder queries;

  SearchBench(ArticleSearcher searcher, Analyzer queryAnalyzer) {
    this.searcher = searcher;
    this.queries = new QueryBuilder(Schema.analyzer(queryAnalyzer));
  }

  Result run(Path index, List<BenchQuery> list, int warmupRounds, int rounds) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher bare = new IndexSearcher(reader);
      SortedSetDocValuesReaderState facetState = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
      List<SearchRequest> requests = list.stream().map(BenchQuery::request).toList();
      List<Query> bareQueries = requests.stream().map(this::bareQuery).toList();
      long[] totals = new long[list.size()];
      Way[] ways = Way.values();
      for (int r = 0; r < warmupRounds; r++) {
        for (int i = 0; i < list.size(); i++) {
          for (Way way : ways) {
            totals[i] = run(way, requests.get(i), bareQueries.get(i), bare, facetState);
          }
        }
      }
      Map<Way, Latencies> wall = latenciesPerWay();
      Map<Way, Latencies> cpu = latenciesPerWay();
      Map<String, Map<Way, Latencies>> byKind = new LinkedHashMap<>();
      List<Map<Way, Latencies>> perQuery = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        perQuery.add(latenciesPerWay());
      }
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < list.size(); i++) {
          Map<Way, Latencies> kind = byKind.computeIfAbsent(list.get(i).kind(), k -> latenciesPerWay());
          // Rotate which way runs first, so that none always finds the caches another warmed.
          for (int w = 0; w < ways.length; w++) {
            Way way = ways[(r + i + w) % ways.length];
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long total = run(way, requests.get(i), bareQueries.get(i), bare, facetState);
            long nanos = System.nanoTime() - start;
            cpu.get(way).add(THREADS.getCurrentThreadCpuTime() - cpuStart);
            wall.get(way).add(nanos);
            kind.get(way).add(nanos);
            perQuery.get(i).get(way).add(nanos);
            if (way == Way.FULL) {
              totals[i] = total;
            }
          }
        }
      }
      List<PerQuery> each = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Map<Way, Latencies> q = perQuery.get(i);
        each.add(new PerQuery(list.get(i), totals[i], q.get(Way.FULL).p50(), q.get(Way.BARE).p50(), q.get(Way.FACETS).p50()));
      }
      return new Result(wall, cpu, byKind, each, rounds);
    }
  }

  private static Map<Way, Latencies> latenciesPerWay() {
    Map<Way, Latencies> map = new java.util.EnumMap<>(Way.class);
    for (Way w : Way.values()) {
      map.put(w, new Latencies());
    }
    return map;
  }

  /** Runs one query one way; returns the full search's total, or 0. */
  private long run(Way way, SearchRequest request, Query bareQuery, IndexSearcher bare, SortedSetDocValuesReaderState facetState)
      throws IOException {
    int n = request.page() * request.size();
    Sort sort = request.sort() == SortOrder.RELEVANCE ? null
        : new Sort(request.sort() == SortOrder.NEWEST ? Schema.newestFirst() : Schema.oldestFirst(), Schema.byId());
    switch (way) {
      case FULL -> {
        return searcher.search(request).total();
      }
      case BARE -> {
        if (sort == null) {
          bare.search(bareQuery, n);
        } else {
          bare.search(bareQuery, n, sort);
        }
      }
      case FACETS -> {
        FacetsCollectorManager.FacetsResult result = sort == null
            ? FacetsCollectorManager.search(bare, bareQuery, n, new FacetsCollectorManager())
            : FacetsCollectorManager.search(bare, bareQuery, n, sort, new FacetsCollectorManager());
        new SortedSetDocValuesFacetCounts(facetState, result.facetsCollector()).getAllDims(FACET_TOP_N);
      }
    }
    return 0;
  }

  /** The request's text query with its filters as plain Lucene filter clauses. */
  Query bareQuery(SearchRequest request) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(queries.parse(request.query(), request.syntax()), BooleanClause.Occur.MUST);
    if (!request.topics().isEmpty()) {
      query.add(anyOf(Schema.TOPIC, request.topics()), BooleanClause.Occur.FILTER);
    }
    if (!request.entities().isEmpty()) {
      query.add(anyOf(Schema.ENTITY, request.entities()), BooleanClause.Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : Schema.dateValue(request.from());
      long to = request.to() == null ? Long.MAX_VALUE : Schema.dateValue(request.to());
      query.add(LongField.newRangeQuery(Schema.DATE, from, to), BooleanClause.Occur.FILTER);
    }
    return query.build();
  }

  private static Query anyOf(String field, List<String> values) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : values) {
      any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }
}
