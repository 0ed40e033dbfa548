package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import newssearch.search.IndexWatcher;
import newssearch.web.AdminAccess;
import newssearch.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-indexing while the server is under load: by another process ({@code news-search index},
 * picked up by the watcher), through {@code POST /api/admin/reindex}, and in quick succession.
 * Not one request may fail, and the new articles must appear.
 */
class LiveReindexTest {
  private static final List<String> SEARCHES = List.of(
      "/api/search?q=nvidia", "/api/search?q=china+chips&sort=date", "/api/search?q=zebrafinchly",
      "/api/search?q=quollmarsh", "/api/search", "/api/search?q=%22export+controls%22&page=1&size=5",
      "/api/search?q=quantum&topic=ai", "/api/health");

  @Test
  void searchesNeverFailWhileNewIndexesAreSwappedIn(@TempDir Path indexDir, @TempDir Path corpus, @TempDir Path logs)
      throws Exception {
    copySeedCorpus(corpus);
    try (TestServer server = TestServer.start(indexDir,
            web -> web.admin(AdminAccess.loopbackOnly(), AdminAccessTest.reindexer(indexDir, corpus))
                .loadLimits(SoakTest.unlimited(16)), corpus);
        IndexWatcher watcher = IndexWatcher.start(server.searcher, Duration.ofMillis(100))) {
      Load load = Load.start(server.baseUrl(), 16, SEARCHES);

      // Another process indexes; the watcher switches the server to its result.
      Files.writeString(corpus.resolve("finches.txt"), article("Zebrafinchly sightings rise", "zebrafinchly"));
      IndexProcess.run(corpus, indexDir, logs.resolve("index.log"));
      assertEquals(1, awaitTotal(server, "zebrafinchly", 1, Duration.ofSeconds(10)), "the other process's article is served");

      // The admin endpoint indexes and serves before it answers.
      Files.writeString(corpus.resolve("marsh.txt"), article("Quollmarsh wetlands protected", "quollmarsh"));
      HttpResponse<String> reindex = AdminAccessTest.post(server, "/api/admin/reindex", null);
      assertEquals(200, reindex.statusCode(), reindex.body());
      assertEquals(1, server.getJson("/api/search?q=quollmarsh").path("total").asInt());

      // Generations published faster than the watcher looks: older ones are deleted while open.
      for (int i = 0; i < 5; i++) {
        TestCorpus.index(indexDir, corpus);
      }
      awaitTotal(server, "quollmarsh", 1, Duration.ofSeconds(10));
      Thread.sleep(500);

      Load.Summary summary = load.stop();
      System.out.println("live reindex under load: " + summary);
      assertEquals(0, summary.failures(), summary.toString());
      assertTrue(summary.requests() > 100, "load ran: " + summary);
      assertEquals(14, server.getJson("/api/health").path("documents").asInt());
      assertTrue(generations(indexDir) <= 2, "old generations are removed");
      assertTrue(!watcher.check(), "the watcher already serves the newest generation");
    }
  }

  @Test
  void aBrokenPublishedGenerationKeepsTheServedOne(@TempDir Path indexDir) throws Exception {
    try (TestServer server = TestServer.start(indexDir)) {
      IndexWatcher watcher = IndexWatcher.start(server.searcher, Duration.ofHours(1));
      String served = server.searcher.indexVersion();
      Path bogus = Files.createDirectory(indexDir.resolve("gen-99999999-000000-000"));
      Files.writeString(indexDir.resolve(IndexStore.POINTER), bogus.getFileName() + "\n");

      boolean switched = watcher.check();
      watcher.close();

      assertTrue(!switched, "an empty generation is not switched to");
      assertEquals(served, server.searcher.indexVersion());
      assertEquals(12, server.getJson("/api/search").path("total").asInt());
    }
  }

  private static int awaitTotal(TestServer server, String word, int expected, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    int total;
    do {
      total = server.getJson("/api/search?q=" + word).path("total").asInt();
      if (total == expected) {
        return total;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return total;
  }

  static void copySeedCorpus(Path to) throws IOException {
    try (Stream<Path> files = Files.list(TestCorpus.seedCorpus())) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  static String article(String headline, String word) {
    return headline + "\n\nObservers counted the " + word + " again this week, and the " + word
        + " figures were higher than in any year before.\n";
  }

  private static long generations(Path indexDir) throws IOException {
    try (Stream<Path> children = Files.list(indexDir)) {
      return children.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
    }
  }
}
