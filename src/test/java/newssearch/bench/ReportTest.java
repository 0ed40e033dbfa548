package newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static Latencies ms(double... values) {
    Latencies l = new Latencies();
    for (double v : values) {
      l.add((long) (v * 1e6));
    }
    return l;
  }

  private static SearchBench.Result search(Latencies full, Latencies facets, Latencies bare) {
    BenchQuery q = BenchQuery.parse("single\tq=china", "t:1");
    Map<SearchBench.Way, Latencies> ways = new java.util.EnumMap<>(Map.of(
        SearchBench.Way.FULL, full, SearchBench.Way.FACETS, facets, SearchBench.Way.BARE, bare));
    return new SearchBench.Result(ways, ways, Map.of("single", ways),
        List.of(new SearchBench.PerQuery(q, 12, full.p50(), bare.p50(), facets.p50())), 1);
  }

  private static Report report() {
    Report report = new Report("test machine", "bin/news-search bench", "2025-01-01T00:00:00Z", "0.00 0.00 0.00");
    Report.CorpusRun seed = new Report.CorpusRun("seed", "12 articles");
    seed.indexing = new IndexingBench.Result(12, 50_000, 0.1, 1.0, 0.4, 2.0, 0.5, 0.8);
    seed.search = search(ms(1), ms(0.7), ms(0.5));
    seed.httpSearch = new Wrk.Result(1000, 600, 2, 15, 0);
    seed.httpHealth = new Wrk.Result(2000, 1000, 1, 5, 0);
    seed.indexCommandSeconds = 3.0;
    Report.CorpusRun big = new Report.CorpusRun("big", "200,000 articles");
    big.indexing = new IndexingBench.Result(200_000, 400_000_000, 0, 100, 60, 150, 100, 30);
    big.search = search(ms(20, 20, 70), ms(10, 10, 10), ms(5, 5, 5));
    big.server = new ServerProcess.Result(200_000, 2.5, 300, 700, "1g");
    big.httpNote = "wrk not installed";
    big.feed = new FeedBench.Result(new Wrk.Result(1000, 100, 5, 40, 0), new Wrk.Result(900, 90, 8, 100, 2), 3000, 10.0, 1, 0,
        ms(300, 400, 1500), 2000, 9_000_000_000L, 12_000_000_000L);
    big.feedLoad = "1.00";
    report.add(seed);
    report.add(big);
    report.finished("1.00 1.00 1.00");
    return report;
  }

  @Test
  void checksEachTargetOnTheRightCorpus() {
    Map<String, Boolean> met = new java.util.LinkedHashMap<>();
    for (Report.Target t : report().targets()) {
      met.put(t.target(), t.met());
    }
    assertEquals(true, met.get("/api/search ≥ 0.5 × /api/health req/s (seed)"));
    assertEquals(true, met.get("/api/search p99 ≤ 20 ms (seed)"));
    assertEquals(true, met.get("no HTTP errors (seed)"));
    assertEquals(false, met.get("full ≤ 3 × bare p50 (big)"));
    assertEquals(false, met.get("full p50 ≤ 15 ms (big)"));
    assertEquals(false, met.get("full p99 ≤ 60 ms (big)"));
    assertEquals(true, met.get("serves with -Xmx1g, heap ≤ 1 GB (big)"));
    assertEquals(false, met.get("indexing ≥ 0.5 × bare (seed)"));
    assertEquals(true, met.get("indexing ≥ 0.5 × bare (big)"));
    assertEquals(false, met.get("live updates ≥ 500 articles/s under search load (big)"));
    assertEquals(false, met.get("search p99 while fed ≤ 2 × idle (big)"));
    assertEquals(false, met.get("no failed request while fed (big)"));
    assertEquals(false, met.get("visibility p99 ≤ 1 s (big)"));
  }

  @Test
  void writesEveryTableWithTheMachineAndLoad() {
    String md = report().markdown();
    for (String heading : List.of("## Indexing", "## Search in process", "## Search over HTTP", "## Memory and start", "## Live updates under search load", "## Targets", "## Each query")) {
      assertTrue(md.contains(heading), heading);
    }
    assertTrue(md.contains("Machine: test machine"));
    assertTrue(md.contains("at start: 0.00 0.00 0.00; at end: 1.00 1.00 1.00"));
    assertTrue(md.contains("| big | not measured: wrk not installed |"), md);
    assertTrue(md.contains("| seed | 12 | 0.1 | 0.10 | 1.00 | 12 | 0.05 | 0.40 | 30 | 0.13 | 0.40 | 2.00 | 0.50 | 0.25 |"), md);
    assertTrue(md.contains("| big | 2,000 | 3,000 | 300 | 1 / 0 | 400 | 1,500 | 1,500 | 100 → 90 | 40.0 → 100.0 | 2.50 | 2 | 9.00 | 1.30 | 0.65 | 1.00 |"), md);
    assertTrue(md.contains("| single | `q=china` | 1.00 / 0.700 / 0.500 (12) | 20.00 / 10.000 / 5.000 (12) |"), md);
  }

  @Test
  void theSideBySideWithSolrSaysWhatEachEngineServedAndWhereTotalsDiffer() {
    Report report = new Report("test machine", "bin/news-search bench --solr http://s:8983/solr", "2025-01-01T00:00:00Z",
        "0.00 0.00 0.00");
    Report.CorpusRun seed = new Report.CorpusRun("seed", "12 articles");
    seed.solr = new SolrSideBySide.Result("news", new long[] {12, 12}, List.of(),
        List.of(new SolrSideBySide.Run("embedded", 1, new Wrk.Result(1000, 100, 2, 9, 0), 1.5, "1.00"),
            new SolrSideBySide.Run("solr", 1, new Wrk.Result(500, 50, 4, 18, 0), 0.75, "1.10")));
    Report.CorpusRun other = new Report.CorpusRun("bbc", "2,225 articles");
    other.solr = new SolrSideBySide.Result("news", new long[] {2225, 12}, List.of("/api/search?q=china: 300 vs 2"), List.of());
    report.add(seed);
    report.add(other);
    report.finished("1.00 1.00 1.00");
    String md = report.markdown();
    assertTrue(md.contains("## Side by side with Solr (seed)"), md);
    assertTrue(md.contains("Every search has the same total on both."), md);
    assertTrue(md.contains("| embedded | 1 | 1,000 | 100 | 2.00 | 9.00 | 0 | 1.50 | 1.00 |"), md);
    assertTrue(md.contains("| solr | 1 | 500 | 50 | 4.00 | 18.00 | 0 | 0.75 | 1.10 |"), md);
    assertTrue(md.contains("Totals differ for 1 searches (the collection holds other articles?): /api/search?q=china: 300 vs 2."), md);
  }

  private static SolrSideBySide.KindRun kindRun(String kind, int queries, String engine, int round, long requests, double perSecond,
      double p50, double p99, double cpuMs, String load) {
    return new SolrSideBySide.KindRun(kind, queries,
        new SolrSideBySide.Run(engine, round, new Wrk.Result(requests, perSecond, p50, p99, 0), cpuMs, load));
  }

  @Test
  void theSideBySideWithSolrHasOneRowPerKindOfQueryWithBothEnginesAndWhetherOursMeetsSolrs() {
    Report report = new Report("test machine", "bin/news-search bench --solr http://s:8983/solr", "2025-01-01T00:00:00Z",
        "0.00 0.00 0.00");
    Report.CorpusRun seed = new Report.CorpusRun("seed", "12 articles");
    seed.solr = new SolrSideBySide.Result("news", new long[] {12, 12}, List.of(),
        List.of(new SolrSideBySide.Run("embedded", 1, new Wrk.Result(1000, 100, 2, 9, 0), 1.5, "1.00")),
        List.of(kindRun("single", 2, "embedded", 1, 1000, 100, 2, 10, 1.0, "1.00"),
            kindRun("single", 2, "solr", 1, 500, 50, 4, 20, 0.5, "1.10"),
            kindRun("phrase", 1, "embedded", 1, 400, 40, 5, 30, 2.0, "1.20"),
            kindRun("phrase", 1, "solr", 1, 600, 60, 3, 10, 0.5, "1.30"),
            kindRun("phrase", 1, "solr", 2, 200, 20, 5, 30, 1.0, "1.40"),
            kindRun("phrase", 1, "embedded", 2, 600, 60, 3, 20, 1.0, "1.50")));
    report.add(seed);
    report.finished("1.00 1.00 1.00");
    String md = report.markdown();
    assertTrue(md.contains("### Per kind of query"), md);
    // The whole list's table stays as it was.
    assertTrue(md.contains("| embedded | 1 | 1,000 | 100 | 2.00 | 9.00 | 0 | 1.50 | 1.00 |"), md);
    assertTrue(md.contains("| single | 2 | 100 | 50 | 2.00 | 2.00 | 4.00 | 10.00 | 20.00 | 1.00 | 0.50 | yes, yes | 0 / 0 | 1.00 → 1.10 |"), md);
    // Means of the rounds; CPU over all requests: (2.0 × 400 + 1.0 × 600) / 1000 = 1.4 against (0.5 × 600 + 1.0 × 200) / 800 = 0.625.
    assertTrue(md.contains("| phrase | 1 | 50 | 40 | 1.25 | 4.00 | 4.00 | 25.00 | 20.00 | 1.40 | 0.63 | yes, **no** | 0 / 0 | 1.20 → 1.50 |"),
        md);
    assertEquals(2, md.lines().filter(l -> l.matches("\\| (single|phrase) \\| \\d+ \\| .*")).count(), md);
    assertTrue(md.contains("| phrase | solr | 2 | 200 | 20 | 5.00 | 30.00 | 0 | 1.00 | 1.40 |"), md);
  }

  @Test
  void bothServersAnnounceTheirUrlTheSameWay() {
    for (String line : List.of("news-search: serving 12 articles at http://127.0.0.1:4567/",
        "news-search: serving 12 articles of Solr collection news at http://127.0.0.1:4567/")) {
      var m = ServerProcess.SERVING.matcher(line);
      assertTrue(m.find(), line);
      assertEquals("12", m.group(1));
      assertEquals("http://127.0.0.1:4567", m.group(2));
    }
  }
}
