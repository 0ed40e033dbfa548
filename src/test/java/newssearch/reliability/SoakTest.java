package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import newssearch.TestCorpus;
import newssearch.web.LoadLimits;
import newssearch.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steady load on the real server over loopback: no request may fail, and the heap left after a full
 * collection must not grow from the start of the run to its end. The suite runs it for a few
 * seconds; {@code bin/soak} runs it for 60 s at 64 connections over the BBC dataset.
 *
 * <p>Settings (system properties): {@code soak.seconds} (default 5), {@code soak.connections}
 * (default 64), {@code soak.corpus} (default: the bundled corpus).
 */
class SoakTest {
  /** Heap after GC may vary by this much without being growth: class loading, JIT data, pools. */
  private static final long HEAP_SLACK_BYTES = 8L << 20;
  private static final double HEAP_SLACK_RATIO = 0.10;

  @Test
  void loadAtManyConnectionsHasNoErrorsAndNoHeapGrowth(@TempDir Path indexDir) throws Exception {
    int seconds = Integer.getInteger("soak.seconds", 5);
    int connections = Integer.getInteger("soak.connections", 64);
    String corpusProperty = System.getProperty("soak.corpus", "");
    Path corpus = corpusProperty.isBlank() ? TestCorpus.seedCorpus() : Path.of(corpusProperty);

    // Every connection gets a place: the soak looks for errors and heap growth, not for the
    // fast 503s of load shedding (LoadSheddingTest), which a busy machine would bring on.
    try (TestServer server = TestServer.start(indexDir, web -> web.loadLimits(unlimited(connections)), corpus)) {
      List<String> paths = paths(server);
      try (Load warmUp = Load.start(server.baseUrl(), connections, paths)) {
        Thread.sleep(Math.max(1_000, Math.min(10_000, seconds * 250L)));
        assertEquals(0, warmUp.stop().failures(), "warm-up: " + warmUp.summary());
      }
      long heapBefore = heapAfterGc();

      Load.Summary summary;
      List<String> during = new ArrayList<>();
      try (Load load = Load.start(server.baseUrl(), connections, paths)) {
        // Heap after GC during the run too: bounded caches level off, a leak keeps climbing.
        int samples = Math.max(1, Math.min(6, seconds / 10));
        for (int i = 1; i <= samples; i++) {
          Thread.sleep(seconds * 1_000L / samples);
          if (i < samples) {
            during.add(String.format(Locale.ROOT, "%.1f", heapAfterGc() / 1048576.0));
          }
        }
        summary = load.stop();
      }
      long heapAfter = heapAfterGc();

      System.out.printf(Locale.ROOT, "soak: %d connections, %d articles: %s; heap after GC %.1f MB before, %s%.1f MB after%n",
          connections, server.searcher.documentCount(), summary, heapBefore / 1048576.0,
          during.isEmpty() ? "" : String.join(", ", during) + " MB during, ", heapAfter / 1048576.0);
      assertEquals(0, summary.failures(), summary.toString());
      assertTrue(summary.requests() > connections, "every connection was used: " + summary);
      assertTrue(heapAfter <= heapBefore * (1 + HEAP_SLACK_RATIO) + HEAP_SLACK_BYTES,
          String.format(Locale.ROOT, "heap after GC grew from %.1f MB to %.1f MB", heapBefore / 1048576.0, heapAfter / 1048576.0));
      assertEquals("ok", server.getJson("/api/health").path("status").asText());
    }
  }

  /** What users do: searches of one and several words, filters, sorts, pages, articles, the page itself. */
  /** Limits that never shed the load of {@code connections} clients. */
  static LoadLimits unlimited(int connections) {
    return new LoadLimits(connections + 1, connections, Duration.ofMinutes(1));
  }

  private static List<String> paths(TestServer server) throws Exception {
    List<String> paths = new ArrayList<>(List.of(
        "/", "/app.js", "/api/health", "/api/search", "/api/search?sort=-date&page=2",
        "/api/search?q=nvidia", "/api/search?q=china+chips", "/api/search?q=%22export+controls%22",
        "/api/search?q=government+election&sort=date", "/api/search?q=market+shares&page=2&size=20",
        "/api/search?q=film+award", "/api/search?q=music", "/api/search?q=football+season",
        "/api/search?q=quantum&from=2025-01&to=2025-12", "/api/search?q=technology&size=50",
        "/api/search?q=mobile+phone*", "/api/search?q=minister+-economy"));
    var first = server.getJson("/api/search?size=5");
    for (var hit : first.path("hits")) {
      paths.add("/api/articles/" + URLEncoder.encode(hit.path("id").asText(), StandardCharsets.UTF_8));
    }
    for (var topic : first.path("facets").path("topic")) {
      paths.add("/api/search?topic=" + URLEncoder.encode(topic.path("value").asText(), StandardCharsets.UTF_8));
    }
    return paths;
  }

  /**
   * The heap in use right after a full collection, as the collector recorded it at its end: the
   * allocations of requests that keep running meanwhile do not count.
   */
  private static long heapAfterGc() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      used += afterGc == null ? 0 : afterGc.getUsed();
    }
    return used;
  }
}
