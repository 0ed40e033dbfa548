package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code news-search serve} as a user runs it: it follows indexes that {@code news-search index}
 * publishes from another process, and its admin endpoint takes the token from
 * {@code NEWS_SEARCH_ADMIN_TOKEN}.
 */
class ServeProcessTest {
  private static final String TOKEN = "t0ken-for-tests";

  @Test
  void servePicksUpNewIndexesAndChecksTheAdminToken(@TempDir Path corpus, @TempDir Path indexDir, @TempDir Path logs)
      throws Exception {
    LiveReindexTest.copySeedCorpus(corpus);
    ProcessBuilder serve = IndexProcess.cli("serve", "--port", "0", "--config", TestCorpus.configDir().toString(),
        "--corpus", corpus.toString(), "--index", indexDir.toString());
    serve.environment().put("NEWS_SEARCH_ADMIN_TOKEN", TOKEN);
    Path log = logs.resolve("serve.log");
    Process server = serve.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      int port = IndexProcess.awaitServingPort(log, server, 60);
      assertEquals("nosniff", RawHttp.get(port, "/").header("X-Content-Type-Options"));

      assertEquals(403, post(port, "Authorization: Bearer wrong\r\n").status());
      RawHttp.Response admitted = post(port, "Authorization: Bearer " + TOKEN + "\r\n");
      assertEquals(200, admitted.status(), admitted.body());

      Files.writeString(corpus.resolve("late.txt"), LiveReindexTest.article("Numbatfold returns", "numbatfold"));
      IndexProcess.run(corpus, indexDir, logs.resolve("index.log"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      String body;
      do {
        Thread.sleep(200);
        body = RawHttp.get(port, "/api/search?q=numbatfold").body();
      } while (!body.contains("\"total\":1") && System.nanoTime() < deadline);
      assertTrue(body.contains("\"total\":1"), "the served index follows the other process's run: " + body);
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void serveStartsOnAHostileCorpusAndItsReindexSucceeds(@TempDir Path corpus, @TempDir Path indexDir, @TempDir Path logs)
      throws Exception {
    HostileCorpusTest.writeHostileCorpus(corpus);
    Path log = logs.resolve("serve.log");
    Process server = IndexProcess.cli("serve", "--port", "0", "--config", TestCorpus.configDir().toString(),
        "--corpus", corpus.toString(), "--index", indexDir.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      int port = IndexProcess.awaitServingPort(log, server, 60);
      assertTrue(RawHttp.get(port, "/api/health").body().contains("\"documents\":9"), RawHttp.get(port, "/api/health").body());
      RawHttp.Response reindex = RawHttp.request(port, "POST", "/api/admin/reindex", "Content-Length: 0\r\n");
      assertEquals(200, reindex.status(), reindex.body());
      assertTrue(reindex.body().contains("\"documents\":9"), reindex.body());
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void whenIndexingFailsServeKeepsServingThePreviousIndex(@TempDir Path indexDir, @TempDir Path logs) throws Exception {
    TestCorpus.index(indexDir, TestCorpus.seedCorpus());
    Path missing = logs.resolve("no-such-corpus");
    Path log = logs.resolve("serve.log");
    Process server = IndexProcess.cli("serve", "--port", "0", "--config", TestCorpus.configDir().toString(),
        "--corpus", missing.toString(), "--index", indexDir.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      int port = IndexProcess.awaitServingPort(log, server, 60);
      assertTrue(Files.readString(log).contains("warning: indexing [" + missing + "] failed: nothing to index"),
          Files.readString(log));
      assertTrue(Files.readString(log).contains("; serving the previous index in " + indexDir), Files.readString(log));
      assertTrue(RawHttp.get(port, "/api/health").body().contains("\"documents\":12"), RawHttp.get(port, "/api/health").body());
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void withoutAPreviousIndexAFailedIndexingStopsServe(@TempDir Path indexDir, @TempDir Path logs) throws Exception {
    Path missing = logs.resolve("no-such-corpus");
    Process serve = IndexProcess.cli("serve", "--port", "0", "--config", TestCorpus.configDir().toString(),
        "--corpus", missing.toString(), "--index", indexDir.toString())
        .redirectErrorStream(true).redirectOutput(logs.resolve("serve.log").toFile()).start();
    assertTrue(serve.waitFor(120, TimeUnit.SECONDS));
    assertEquals(1, serve.exitValue());
    assertTrue(Files.readString(logs.resolve("serve.log")).contains("news-search: nothing to index"));
  }

  private static RawHttp.Response post(int port, String headers) throws Exception {
    return RawHttp.request(port, "POST", "/api/admin/reindex", headers + "Content-Length: 0\r\n");
  }
}
