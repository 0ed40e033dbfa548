package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.LiveRules;
import newssearch.index.UpdateLog;
import newssearch.ingest.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live updates become searchable soon after they are applied, not at the watcher's next tick, and
 * a stream of them still refreshes at most once per interval. The interval here is a minute, so
 * "soon" and "not yet" are minutes apart, not milliseconds.
 */
class IndexWatcherTest {

  private static Article article(String id, String word) {
    return new Article(id, word + " headline", "metadata", "A story about " + word + " and markets.", null, "", "",
        List.of(), "test");
  }

  private static long total(ArticleSearcher searcher, String q) throws IOException {
    return searcher.search(SearchRequest.of(q)).total();
  }

  @Test
  void anAppliedUpdateIsRefreshedAtOnceAndTheNextWaitsForTheInterval(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    try (LiveIndex live = LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(),
            LiveRules.DEFAULT);
        ArticleSearcher searcher = ArticleSearcher.open(live, store, TestCorpus.config().analysis().query(),
            TestCorpus.config().taxonomy(), SearchLimits.DEFAULT);
        IndexWatcher watcher = IndexWatcher.start(searcher, Duration.ofMinutes(1))) {
      live.whenApplied(watcher::nudge);

      live.apply(List.of(UpdateLog.Op.add(article("watch-1", "quorbex"))));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (total(searcher, "quorbex") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, total(searcher, "quorbex"), "searchable long before the minute's tick");

      live.apply(List.of(UpdateLog.Op.add(article("watch-2", "zantiph"))));
      Thread.sleep(500);
      assertEquals(0, total(searcher, "zantiph"), "the next refresh waits for the interval since the last");
      assertTrue(watcher.check(), "a check makes it searchable");
      assertEquals(1, total(searcher, "zantiph"));
    }
  }

  @Test
  void aCheckThatFoundNothingNewDoesNotHoldBackTheNextUpdate(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    try (LiveIndex live = LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(),
            LiveRules.DEFAULT);
        ArticleSearcher searcher = ArticleSearcher.open(live, store, TestCorpus.config().analysis().query(),
            TestCorpus.config().taxonomy(), SearchLimits.DEFAULT);
        IndexWatcher watcher = IndexWatcher.start(searcher, Duration.ofMinutes(1))) {
      live.whenApplied(watcher::nudge);
      // What a periodic tick does while nothing changes: it must not restart the interval.
      assertEquals(false, watcher.check(), "nothing new to show");

      live.apply(List.of(UpdateLog.Op.add(article("watch-3", "vellumic"))));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (total(searcher, "vellumic") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, total(searcher, "vellumic"), "searchable at once, not a minute after the idle check");
    }
  }
}
