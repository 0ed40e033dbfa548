package newssearch.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The side-by-side benchmark's runs as Markdown, the whole list's and each kind's. */
final class SideBySideReport {
  private SideBySideReport() {}

  static String report(Path corpus, String layout, String started, String loadAtStart, String loadAtEnd, int queries,
      int rounds, int seconds, int connections, List<SideBySideBench.Run> runs) {
    StringBuilder md = new StringBuilder();
    md.append("- Run: ").append(started).append("; corpus ").append(corpus).append("; ").append(queries)
        .append(" queries of bench/queries.txt in turn; wrk -t2 -c").append(connections).append(" -d").append(seconds)
        .append("s, ").append(rounds).append(" alternating rounds after a 5 s warm-up of each; ").append(layout).append("\n");
    md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average (1, 5, 15 min) at start ")
        .append(loadAtStart).append(", at end ").append(loadAtEnd).append("\n\n");
    md.append("| server | round | requests | req/s | p50 ms | p99 ms | errors | serve CPU ms/req | Solr JVM CPU ms/req | CPU ms/req | load after |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (SideBySideBench.Run r : runs) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %.2f | %.2f | %d | %s | %s | %.2f | %s |%n", r.engine(), r.round(),
          r.requests(), r.perSecond(), r.p50(), r.p99(), r.errors(),
          r.serverCpuMs() == 0 ? "" : String.format(Locale.ROOT, "%.2f", r.serverCpuMs() / Math.max(1, r.requests())),
          r.solrCpuMs() == 0 ? "" : String.format(Locale.ROOT, "%.2f", r.solrCpuMs() / Math.max(1, r.requests())),
          r.cpuPerRequestMs(), r.load()));
    }
    return md.toString();
  }

  /**
   * Indexing CPU of both engines as Markdown: the embedded engine's index command (reading,
   * enrichment, Lucene, JVM start), and Solr's add and commit of the same enriched articles (the
   * Solr JVM's CPU while the product sent them, less its idle rate), beside the product's own part
   * of that run (reading and enrichment).
   */
  static String indexing(double embeddedSeconds, double senderSeconds, double solrSeconds, double idleMsPerSecond,
      String load) {
    return String.format(Locale.ROOT, "%n### Indexing CPU%n%n| | CPU s |%n|---|--:|%n"
        + "| ours: `index --index` (reading, enrichment and Lucene; JVM start included) | %.1f |%n"
        + "| Solr: add and commit of the enriched articles (its JVM during `index --solr`, idle %.1f ms/s subtracted) | %.1f |%n"
        + "| the product's side of `index --solr` (reading, enrichment, sending) | %.1f |%n"
        + "| ours / Solr's add and commit | %.2f |%n%nLoad after: %s.%n",
        embeddedSeconds, idleMsPerSecond, solrSeconds, senderSeconds, embeddedSeconds / Math.max(0.001, solrSeconds), load);
  }

  /**
   * The per-kind runs as Markdown: one row per kind with both servers' figures (means of the
   * rounds for req/s, p50 and p99; CPU time over all rounds / requests) and whether ours meets each
   * of the targets against Solr, then every run.
   */
  static String kindReport(List<SideBySideBench.KindRun> kindRuns, String cacheNote) {
    if (kindRuns.isEmpty()) {
      return "";
    }
    java.util.Map<String, List<SideBySideBench.KindRun>> kinds = new java.util.LinkedHashMap<>();
    for (SideBySideBench.KindRun k : kindRuns) {
      kinds.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k);
    }
    StringBuilder md = new StringBuilder("\n### Per kind of query\n\n");
    md.append("wrk over one kind's queries only (in turn), our server then Solr for each kind (which goes first changes every round). ")
        .append("Each row: means of the rounds for req/s, p50 and p99; CPU = CPU time over all rounds / requests (`serve` for ours, ")
        .append("the Solr JVM for Solr). Met = ours ≥ Solr's req/s, ours ≤ Solr's CPU per request, ours ≤ Solr's p99.");
    if (cacheNote != null) {
      md.append(' ').append(cacheNote);
    }
    md.append("\n\n| kind | queries | ours req/s | Solr req/s | ours/Solr req/s | ours p50 ms | Solr p50 ms | ours p99 ms | Solr p99 ms ")
        .append("| ours CPU ms/req | Solr CPU ms/req | met: req/s, CPU, p99 | errors | load first → last |\n")
        .append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|---|\n");
    for (java.util.Map.Entry<String, List<SideBySideBench.KindRun>> e : kinds.entrySet()) {
      List<SideBySideBench.Run> ours = e.getValue().stream().map(SideBySideBench.KindRun::run).filter(r -> r.engine().equals(SideBySideBench.EMBEDDED)).toList();
      List<SideBySideBench.Run> theirs = e.getValue().stream().map(SideBySideBench.KindRun::run).filter(r -> !r.engine().equals(SideBySideBench.EMBEDDED)).toList();
      if (ours.isEmpty() || theirs.isEmpty()) {
        continue;
      }
      double[] o = pooled(ours);
      double[] t = pooled(theirs);
      md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s, %s, %s | %d / %d | %s → %s |%n",
          e.getKey(), e.getValue().get(0).queries(), o[0], t[0], o[0] / t[0], o[1], t[1], o[2], t[2], o[3], t[3],
          yesNo(o[0] >= t[0]), yesNo(o[3] <= t[3]), yesNo(o[2] <= t[2]), (long) o[4], (long) t[4],
          e.getValue().get(0).run().load(), e.getValue().get(e.getValue().size() - 1).run().load()));
    }
    md.append("\nEach run of a kind:\n\n| kind | server | round | requests | req/s | p50 ms | p99 ms | errors | CPU ms/req | load after |\n")
        .append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (SideBySideBench.KindRun k : kindRuns) {
      SideBySideBench.Run r = k.run();
      md.append(String.format(Locale.ROOT, "| %s | %s | %d | %,d | %,.0f | %.2f | %.2f | %d | %.2f | %s |%n", k.kind(), r.engine(), r.round(),
          r.requests(), r.perSecond(), r.p50(), r.p99(), r.errors(), r.cpuPerRequestMs(), r.load()));
    }
    return md.toString();
  }

  /** Runs of one server pooled: mean req/s, mean p50, mean p99, CPU ms per request over all, errors. */
  private static double[] pooled(List<SideBySideBench.Run> runs) {
    double rate = 0;
    double p50 = 0;
    double p99 = 0;
    double cpuMs = 0;
    long requests = 0;
    long errors = 0;
    for (SideBySideBench.Run r : runs) {
      rate += r.perSecond();
      p50 += r.p50();
      p99 += r.p99();
      cpuMs += r.serverCpuMs() + r.solrCpuMs();
      requests += r.requests();
      errors += r.errors();
    }
    int n = runs.size();
    return new double[] {rate / n, p50 / n, p99 / n, cpuMs / Math.max(1, requests), errors};
  }

  private static String yesNo(boolean met) {
    return met ? "yes" : "**no**";
  }
}
