package newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import newssearch.search.IndexWatcher;
import newssearch.web.LiveTestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live-update benchmark against the real server: it posts, waits for visibility and reports; figures are not checked. */
class FeedBenchTest {
  @TempDir Path tmp;

  @Test
  void postsTheCorpusWhileWrkSearchesAndSeesEveryBatchArrive() throws Exception {
    Optional<Wrk> wrk = Wrk.find(1, 2);
    Assumptions.assumeTrue(wrk.isPresent(), "wrk is not installed (Debian package wrk)");
    try (LiveTestServer server = new LiveTestServer(tmp.resolve("index"));
        IndexWatcher refresher = IndexWatcher.start(server.searcher, Duration.ofMillis(50))) {
      List<Article> corpus = TestCorpus.read(TestCorpus.seedCorpus());
      Path work = Files.createDirectories(tmp.resolve("work"));
      FeedBench.Result r = new FeedBench().run(server.baseUrl(), corpus, wrk.get(), List.of("/api/search?q=china"), 2, 1,
          () -> 0L, work);

      assertTrue(r.posted() >= corpus.size(), "at least one pass over the corpus: " + r.posted());
      assertEquals(0, r.failedRecords() + r.failedPosts());
      assertTrue(r.visibility().count() > 0);
      assertTrue(r.visibility().percentileMs(100) < 60_000, "every awaited article was found");
      assertTrue(r.idle().requests() > 0 && r.fed().requests() > 0);
      assertTrue(r.warmupPosted() >= corpus.size(), "the warm-up posted the corpus at least once: " + r.warmupPosted());
      assertTrue(Double.isNaN(r.ingestCpuMs()), "no CPU figure without the server's CPU time");
      server.refresh();
      assertTrue(server.getJson("/api/search?q=china").path("total").asLong() > corpus.size() / 2);
      assertEquals(200, server.get("/api/articles/feed0-" + corpus.get(0).id().replace(" ", "%20")).statusCode());
      assertEquals(200, server.get("/api/articles/warm0-" + corpus.get(0).id().replace(" ", "%20")).statusCode());
    }
  }

  @Test
  void thePostsCostTheFedCpuLessTheSearchesAnsweredMeanwhileAtTheIdleRate() {
    // Idle: 1,000 searches in 9 s of CPU, 9 ms each. Fed: 900 searches and 3,000 articles in 12 s.
    FeedBench.Result r = new FeedBench.Result(new Wrk.Result(1000, 100, 5, 40, 0), new Wrk.Result(900, 90, 8, 100, 0),
        3000, 10.0, 0, 0, new Latencies(), 500, 9_000_000_000L, 12_000_000_000L);
    assertEquals(9.0, r.searchCpuMs(), 1e-9);
    assertEquals((12_000 - 900 * 9.0) / 3000, r.ingestCpuMs(), 1e-9);
    assertTrue(Double.isNaN(new FeedBench.Result(r.idle(), r.fed(), 3000, 10.0, 0, 0, new Latencies(), 0, 0, 0).ingestCpuMs()));
  }

  @Test
  void aRecordCarriesTheFieldsOfAJsonLinesCorpus() throws Exception {
    Article a = TestCorpus.read(TestCorpus.seedCorpus()).get(0);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(FeedBench.jsonLine(a, "p-"));
    assertEquals("p-" + a.id(), json.get("id").asText());
    assertEquals(a.title(), json.get("title").asText());
    assertEquals(a.text(), json.get("text").asText());
  }
}
