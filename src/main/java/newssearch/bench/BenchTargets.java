package newssearch.bench;

import static newssearch.bench.Report.f0;
import static newssearch.bench.Report.f1;
import static newssearch.bench.Report.f2;

import java.util.ArrayList;
import java.util.List;
import newssearch.bench.Report.CorpusRun;
import newssearch.bench.Report.Target;

/**
 * The project's benchmark targets, each checked against what a run measured: HTTP throughput and
 * latency, search latency against bare Lucene, memory, indexing speed, live updates under search
 * load, and the index command's time. A target whose figure was not measured says so.
 */
final class BenchTargets {
  private BenchTargets() {}

  /** The project's targets: HTTP on the first corpus (the seed), search and memory on the largest. */
  static List<Target> of(List<CorpusRun> runs) {
    List<Target> targets = new ArrayList<>();
    if (runs.isEmpty()) {
      return targets;
    }
    CorpusRun seed = runs.get(0);
    CorpusRun largest = runs.stream().filter(r -> r.indexing != null)
        .max(java.util.Comparator.comparingInt(r -> r.indexing.articles())).orElse(seed);
    if (seed.httpSearch != null && seed.httpHealth != null) {
      double ratio = seed.httpSearch.requestsPerSecond() / seed.httpHealth.requestsPerSecond();
      targets.add(new Target("/api/search ≥ 0.5 × /api/health req/s (" + seed.name + ")", f2(ratio), ratio >= 0.5));
      targets.add(new Target("/api/search p99 ≤ 20 ms (" + seed.name + ")", f2(seed.httpSearch.p99Ms()), seed.httpSearch.p99Ms() <= 20));
      long errors = seed.httpSearch.errors() + seed.httpHealth.errors();
      targets.add(new Target("no HTTP errors (" + seed.name + ")", Long.toString(errors), errors == 0));
    } else {
      targets.add(new Target("/api/search ≥ 0.5 × /api/health req/s", "", null));
    }
    if (largest.search != null) {
      SearchBench.Result s = largest.search;
      double ratio = s.full().p50() / s.bare().p50();
      double cpuRatio = s.fullCpu().p50() / s.bareCpu().p50();
      targets.add(new Target("full ≤ 3 × bare p50 (" + largest.name + ")", f1(ratio) + " (by CPU time " + f1(cpuRatio)
          + "; against Lucene with facets " + f1(s.full().p50() / s.facets().p50()) + ")", ratio <= 3));
      targets.add(new Target("full p50 ≤ 15 ms (" + largest.name + ")", f2(s.full().p50()), s.full().p50() <= 15));
      targets.add(new Target("full p99 ≤ 60 ms (" + largest.name + ")", f2(s.full().p99()) + " (CPU p99 " + f2(s.fullCpu().p99()) + ")",
          s.full().p99() <= 60));
    }
    if (largest.server != null) {
      targets.add(new Target("serves with -Xmx" + largest.server.maxHeap() + ", heap ≤ 1 GB (" + largest.name + ")",
          f0(largest.server.heapAfterGcMb()) + " MB", largest.server.heapAfterGcMb() <= 1024));
    } else {
      targets.add(new Target("heap ≤ 1 GB (" + largest.name + ")", "", null));
    }
    for (CorpusRun r : runs) {
      if (r.indexing != null) {
        targets.add(new Target("indexing ≥ 0.5 × bare (" + r.name + ")",
            f2(r.indexing.ratio()) + " (by CPU time " + f2(r.indexing.cpuRatio()) + ")", r.indexing.ratio() >= 0.5));
      }
    }
    for (CorpusRun r : runs) {
      FeedBench.Result f = r.feed;
      if (f != null) {
        targets.add(new Target("live updates ≥ 500 articles/s under search load (" + r.name + ")", f0(f.articlesPerSecond()),
            f.articlesPerSecond() >= 500));
        targets.add(new Target("search p99 while fed ≤ 2 × idle (" + r.name + ")", f2(f.fed().p99Ms() / f.idle().p99Ms()),
            f.fed().p99Ms() <= 2 * f.idle().p99Ms()));
        long failures = f.failedRecords() + f.failedPosts() + f.fed().errors();
        targets.add(new Target("no failed request while fed (" + r.name + ")", Long.toString(failures), failures == 0));
        targets.add(new Target("visibility p99 ≤ 1 s (" + r.name + ")", f0(f.visibility().p99()) + " ms", f.visibility().p99() <= 1000));
      }
    }
    for (CorpusRun r : runs) {
      if (r.indexCommandSeconds != null && r != seed) {
        targets.add(new Target("`index` of " + r.name + " ≤ 20 s with JVM start", f1(r.indexCommandSeconds) + " s",
            r.indexCommandSeconds <= 20));
      }
    }
    return targets;
  }
}
