package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import newssearch.search.ArticleSearcher;
import newssearch.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of an indexing run, at points spread over its whole run: the index served before
 * stays intact and searchable (or the new one is, complete, if the kill came after it was
 * published), and the next run succeeds.
 */
class CrashSafetyTest {
  private static final int ARTICLES = 600;
  private static final double[] KILL_AT = {0.1, 0.3, 0.5, 0.7, 0.85};

  @Test
  void killedIndexingRunsLeaveTheServedIndexIntact(@TempDir Path corpus, @TempDir Path indexDir, @TempDir Path logs)
      throws Exception {
    IndexProcess.generateCorpus(corpus, ARTICLES, 42);
    long start = System.nanoTime();
    IndexProcess.run(corpus, indexDir, logs.resolve("first.log"));
    long fullRunMillis = (System.nanoTime() - start) / 1_000_000;
    IndexStore store = new IndexStore(indexDir);
    Path served = store.current().orElseThrow();
    Files.writeString(corpus.resolve("late.txt"), LiveReindexTest.article("Wallabyquill report", "wallabyquill"));

    Set<Path> published = new HashSet<>(List.of(served));
    // What the served index holds: the first run's articles until a killed run manages to publish
    // (then every later kill that lands before publishing leaves that newer, complete index served).
    int servedDocuments = ARTICLES;
    int killedBeforePublish = 0;
    int partialGenerationsSeen = 0;
    List<String> outcomes = new ArrayList<>();
    for (double at : KILL_AT) {
      Process run = IndexProcess.start(corpus, indexDir, logs.resolve("killed-" + at + ".log"));
      Thread.sleep((long) (at * fullRunMillis));
      run.destroyForcibly();
      assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the killed run ended");

      Path now = store.current().orElseThrow(() -> new AssertionError("no index is served after a kill"));
      int documents = assertUsable(store);
      boolean oldServed = now.equals(served);
      if (oldServed) {
        killedBeforePublish++;
        assertEquals(servedDocuments, documents, "the old index is intact");
        assertEquals(servedDocuments - ARTICLES, total(store, "wallabyquill"));
      } else {
        assertEquals(ARTICLES + 1, documents, "a published index is complete");
        assertEquals(1, total(store, "wallabyquill"));
        served = now;
        servedDocuments = documents;
        published.add(now);
      }
      boolean partial = generationDirs(indexDir).stream().anyMatch(g -> !published.contains(g));
      partialGenerationsSeen += partial ? 1 : 0;
      outcomes.add(String.format(Locale.ROOT, "kill at %.0f%%: %s index served (%d documents)%s", at * 100,
          oldServed ? "old" : "new", documents, partial ? ", partial generation left" : ""));
    }

    IndexProcess.run(corpus, indexDir, logs.resolve("last.log"));
    assertEquals(ARTICLES + 1, assertUsable(store), "the next run succeeds");
    assertEquals(1, total(store, "wallabyquill"));
    assertTrue(generationDirs(indexDir).size() <= 2, "partial generations of killed runs are removed");

    System.out.printf("crash safety: full run %d ms; %s; %d of %d kills before publishing, %d left a partial generation%n",
        fullRunMillis, outcomes, killedBeforePublish, KILL_AT.length, partialGenerationsSeen);
    assertTrue(killedBeforePublish >= 2, "most kills land while the run is still writing: " + outcomes);
    assertTrue(partialGenerationsSeen >= 1, "at least one kill interrupted writing a generation: " + outcomes);
  }

  /** Opens the served index as the server does and runs a search; returns its document count. */
  private static int assertUsable(IndexStore store) throws IOException {
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy())) {
      assertTrue(searcher.search(SearchRequest.of("market")).total() > 0, "the served index answers searches");
      return searcher.documentCount();
    }
  }

  private static long total(IndexStore store, String q) throws IOException {
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy())) {
      return searcher.search(SearchRequest.of(q)).total();
    }
  }

  private static List<Path> generationDirs(Path indexDir) throws IOException {
    try (Stream<Path> children = Files.list(indexDir)) {
      return children.filter(p -> p.getFileName().toString().startsWith("gen-")).toList();
    }
  }
}
