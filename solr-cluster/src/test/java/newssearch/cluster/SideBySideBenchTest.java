package newssearch.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** The hand-run side-by-side bench's per-kind part: how it groups the query list and what its table says. */
public class SideBySideBenchTest {

  private static SideBySideBench.KindRun run(String kind, int queries, String server, int round, long requests, double perSecond,
      double p50, double p99, double serverCpuMs, double solrCpuMs) {
    return new SideBySideBench.KindRun(kind, queries,
        new SideBySideBench.Run(server, round, requests, perSecond, p50, p99, 0, serverCpuMs, solrCpuMs, "1.00 2.00 3.00"));
  }

  @Test
  public void groupsTheQueryListByItsKindsInTheListsOrder() throws Exception {
    List<String[]> list = SideBySideBench.queryList(Product.home().resolve("bench/queries.txt"));
    Set<String> kinds = new LinkedHashSet<>();
    for (String[] q : list) {
      kinds.add(q[0]);
      assertTrue(q[1], q[1].startsWith("/api/search"));
    }
    Map<String, List<Integer>> byKind = SideBySideBench.byKind(list);
    assertEquals(new ArrayList<>(kinds), new ArrayList<>(byKind.keySet()));
    assertEquals(list.size(), byKind.values().stream().mapToInt(List::size).sum());
    for (Map.Entry<String, List<Integer>> e : byKind.entrySet()) {
      for (int i : e.getValue()) {
        assertEquals(e.getKey(), list.get(i)[0]);
      }
    }
  }

  @Test
  public void theKindTableHasOneRowPerKindWithBothServersAndTheTargetsMetOrNot() {
    List<SideBySideBench.KindRun> runs = List.of(
        run("single", 6, "embedded (serve)", 1, 1000, 100, 2, 10, 1000, 0),
        run("single", 6, "solr /select, result+document caches 0", 1, 500, 50, 4, 20, 0, 1500),
        run("prefix", 1, "solr /select, result+document caches 0", 2, 800, 80, 2, 8, 0, 800),
        run("prefix", 1, "embedded (serve)", 2, 600, 60, 3, 12, 900, 0));
    String md = SideBySideReport.kindReport(runs, "Solr's caches during the per-kind runs: none.");
    assertTrue(md, md.contains("### Per kind of query"));
    assertTrue(md, md.contains("Solr's caches during the per-kind runs: none."));
    assertTrue(md, md.contains("| single | 6 | 100 | 50 | 2.00 | 2.00 | 4.00 | 10.00 | 20.00 | 1.00 | 3.00 | yes, yes, yes | 0 / 0 |"));
    assertTrue(md, md.contains("| prefix | 1 | 60 | 80 | 0.75 | 3.00 | 2.00 | 12.00 | 8.00 | 1.50 | 1.00 | **no**, **no**, **no** | 0 / 0 |"));
    assertEquals(md, 2, md.lines().filter(l -> l.matches("\\| (single|prefix) \\| \\d+ \\| .*")).count());
    assertTrue(md, md.contains("| prefix | embedded (serve) | 2 | 600 | 60 | 3.00 | 12.00 | 0 | 1.50 | 1.00 2.00 3.00 |"));
    assertEquals("", SideBySideReport.kindReport(List.of(), null));
  }

  @Test
  public void theIndexingTableReadsTheCommandsCpuTimeAndComparesItWithSolrs() {
    Product.Run run = new Product.Run(0, "articles indexed        2,225\ntime                     11.0 s\ncpu time                 19.8 s\n");
    assertEquals(19.8, SideBySideBench.cpuSeconds(run), 1e-9);
    String md = SideBySideReport.indexing(19.8, 18.1, 4.5, 2.0, "1.00 2.00 3.00");
    assertTrue(md, md.contains("| ours: `index --index` (reading, enrichment and Lucene; JVM start included) | 19.8 |"));
    assertTrue(md, md.contains("idle 2.0 ms/s subtracted) | 4.5 |"));
    assertTrue(md, md.contains("| ours / Solr's add and commit | 4.40 |"));
  }
}
