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
 * Times each query of the list two ways on the same index, alternating: the full search
 * ({@link ArticleSearcher#search}: facets, highlighting, stored fields) and bare Lucene top docs
 * for the same text query and filters ({@code IndexSearcher.search(query, n)}, or with the same
 * sort when the request sorts by date).
 */
final class SearchBench {
  /** Latencies of every query, overall and by kind, and each query's own. */
  record Result(Latencies full, Latencies bare, Latencies fullCpu, Latencies bareCpu, Map<String, Latencies[]> byKind,
      List<PerQuery> perQuery, int rounds) {}

  /** One query's median both ways and how many articles it matched. */
  record PerQuery(BenchQuery query, long total, double fullP50, double bareP50) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final ArticleSearcher searcher;
  private final QueryBuilder queries;

  SearchBench(ArticleSearcher searcher, Analyzer queryAnalyzer) {
    this.searcher = searcher;
    this.queries = new QueryBuilder(Schema.analyzer(queryAnalyzer));
  }

  Result run(Path index, List<BenchQuery> list, int warmupRounds, int rounds) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher bare = new IndexSearcher(reader);
      List<Query> bareQueries = list.stream().map(q -> bareQuery(q.request())).toList();
      for (int r = 0; r < warmupRounds; r++) {
        for (int i = 0; i < list.size(); i++) {
          searcher.search(list.get(i).request());
          bareSearch(bare, bareQueries.get(i), list.get(i).request());
        }
      }
      Latencies full = new Latencies();
      Latencies bareAll = new Latencies();
      Latencies fullCpu = new Latencies();
      Latencies bareCpu = new Latencies();
      Map<String, Latencies[]> byKind = new LinkedHashMap<>();
      Latencies[][] perQuery = new Latencies[list.size()][];
      long[] totals = new long[list.size()];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < list.size(); i++) {
          BenchQuery q = list.get(i);
          SearchRequest request = q.request();
          Latencies[] kind = byKind.computeIfAbsent(q.kind(), k -> new Latencies[] {new Latencies(), new Latencies()});
          if (perQuery[i] == null) {
            perQuery[i] = new Latencies[] {new Latencies(), new Latencies()};
          }
          // Alternate which runs first, so neither always finds the caches the other warmed.
          boolean fullFirst = (r + i) % 2 == 0;
          long[] bareNanos = null;
          if (!fullFirst) {
            bareNanos = timeBare(bare, bareQueries.get(i), request);
          }
          long cpu = THREADS.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          totals[i] = searcher.search(request).total();
          long fullNanos = System.nanoTime() - start;
          fullCpu.add(THREADS.getCurrentThreadCpuTime() - cpu);
          if (fullFirst) {
            bareNanos = timeBare(bare, bareQueries.get(i), request);
          }
          full.add(fullNanos);
          bareAll.add(bareNanos[0]);
          bareCpu.add(bareNanos[1]);
          kind[0].add(fullNanos);
          kind[1].add(bareNanos[0]);
          perQuery[i][0].add(fullNanos);
          perQuery[i][1].add(bareNanos[0]);
        }
      }
      List<PerQuery> each = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        each.add(new PerQuery(list.get(i), totals[i], perQuery[i][0].p50(), perQuery[i][1].p50()));
      }
      return new Result(full, bareAll, fullCpu, bareCpu, byKind, each, rounds);
    }
  }

  /** Wall and CPU nanoseconds of one bare search. */
  private static long[] timeBare(IndexSearcher bare, Query query, SearchRequest request) throws IOException {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    bareSearch(bare, query, request);
    return new long[] {System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpu};
  }

  private static void bareSearch(IndexSearcher bare, Query query, SearchRequest request) throws IOException {
    int n = request.page() * request.size();
    if (request.sort() == SortOrder.RELEVANCE) {
      bare.search(query, n);
    } else {
      Sort sort = new Sort(request.sort() == SortOrder.NEWEST ? Schema.newestFirst() : Schema.oldestFirst(), Schema.byId());
      bare.search(query, n, sort);
    }
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
