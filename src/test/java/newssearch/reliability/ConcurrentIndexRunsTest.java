package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import newssearch.index.BuildLock;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import newssearch.search.ArticleSearcher;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two index runs on one index folder (issue 13, case 5): before the build lock, the second run's
 * publish deleted the first one's generation while it was being written.
 */
class ConcurrentIndexRunsTest {

  @Test
  void aSecondBuildFailsAtOnceAndTheFirstCompletes(@TempDir Path indexDir) throws Exception {
    List<Article> articles = TestCorpus.read(TestCorpus.seedCorpus());
    IndexStore store = new IndexStore(indexDir);
    IndexBuilder builder = new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher());
    CountDownLatch firstIsBuilding = new CountDownLatch(1);
    CountDownLatch secondTried = new CountDownLatch(1);
    // Own threads: the builds' parallel streams may occupy the common pool.
    ExecutorService runs = Executors.newFixedThreadPool(2);
    CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> {
      try {
        return builder.build(store, articles, done -> {
          firstIsBuilding.countDown();
          await(secondTried);
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, runs);
    assertTrue(firstIsBuilding.await(60, TimeUnit.SECONDS), "the first build started");

    ExecutionException second = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> CompletableFuture.supplyAsync(() -> {
          try {
            return builder.build(new IndexStore(indexDir), articles, done -> {});
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, runs).get(60, TimeUnit.SECONDS));
    secondTried.countDown();
    runs.shutdown();

    BuildLock.IndexBusyException busy = assertInstanceOf(BuildLock.IndexBusyException.class, second.getCause().getCause());
    assertTrue(busy.getMessage().startsWith("another indexing run is using " + store.root() + " (pid "), busy.getMessage());
    Path built = first.get(60, TimeUnit.SECONDS);
    assertEquals(built, store.current().orElseThrow());
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy())) {
      assertEquals(articles.size(), searcher.documentCount());
    }
  }

  @Test
  void publishNeverRemovesAGenerationThatIsBeingWritten(@TempDir Path indexDir) throws Exception {
    IndexStore store = TestCorpus.index(indexDir, TestCorpus.seedCorpus());
    Path previous = store.current().orElseThrow();
    // A run that does not take the build lock (an older news-search) writes a generation...
    Path inProgress = store.newGeneration();
    Path abandoned = store.newGeneration(); // ...and a killed run left one behind.
    Thread.sleep(5);
    try (FSDirectory dir = FSDirectory.open(inProgress);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      TestCorpus.index(indexDir, TestCorpus.seedCorpus());

      assertTrue(Files.isDirectory(inProgress), "the generation being written is kept");
      assertTrue(Files.isDirectory(previous), "the previous generation is kept");
      assertFalse(Files.exists(abandoned), "the abandoned generation is removed");
    }
    // Once its writer is done, the next publish removes it.
    Thread.sleep(5);
    TestCorpus.index(indexDir, TestCorpus.seedCorpus());
    assertFalse(Files.exists(inProgress));
    try (Stream<Path> children = Files.list(indexDir)) {
      assertEquals(2, children.filter(Files::isDirectory).count());
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
