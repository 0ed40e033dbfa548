package newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import newssearch.search.ArticleSearcher;
import newssearch.search.SearchLimits;
import newssearch.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served generation open for writing: one writer per index folder, updates logged and kept
 * through full rebuilds (also those that arrive while a rebuild runs), and arrival times kept.
 */
class LiveIndexTest {
  static Article article(String id, String word) {
    return new Article(id, word + " headline", "metadata", "A story about " + word + " and markets.", null, "", "",
        List.of(), "test");
  }

  private static LiveIndex open(IndexStore store) throws IOException {
    return LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(), LiveRules.DEFAULT);
  }

  private static ArticleSearcher searcher(LiveIndex live, IndexStore store) throws IOException {
    return ArticleSearcher.open(live, store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy(),
        SearchLimits.DEFAULT);
  }

  private static long total(ArticleSearcher searcher, String q) throws IOException {
    searcher.refresh();
    return searcher.search(SearchRequest.of(q)).total();
  }

  @Test
  void aLargeBatchIsAppliedInItsOrder(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    int size = 53;
    List<UpdateLog.Op> ops = new java.util.ArrayList<>();
    for (int i = 0; i < size - 2; i++) {
      ops.add(UpdateLog.Op.add(article("many-" + i, "quokkaline")));
    }
    ops.add(UpdateLog.Op.add(article("many-1", "bilbyfern"))); // the same id again, later in the batch: it replaces
    ops.add(UpdateLog.Op.delete("many-2"));
    try (LiveIndex live = open(store); ArticleSearcher searcher = searcher(live, store)) {
      LiveIndex.Applied applied = live.apply(ops);
      assertEquals(size, applied.existed().size());
      assertEquals(size - 2, applied.count(false), "new articles");
      assertEquals(List.of(true, true), applied.existed().subList(size - 2, size), "the replaced and the deleted were there");
      assertEquals(size - 4, total(searcher, "quokkaline"), "all but the replaced and the deleted");
      assertEquals(1, total(searcher, "bilbyfern"), "the later version wins");
      List<UpdateLog.Entry> logged = UpdateLog.readAfter(store.root(), 0);
      assertEquals(ops.stream().map(UpdateLog.Op::id).toList(), logged.stream().map(UpdateLog.Entry::id).toList(),
          "logged in the batch's order");
    }
  }

  @Test
  void oneWriterAtATime(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    try (LiveIndex live = open(store)) {
      LiveIndex.BusyException busy = assertThrows(LiveIndex.BusyException.class, () -> open(store));
      assertEquals(true, busy.getMessage().contains("another process is writing"));
    }
    open(store).close(); // free again once closed
  }

  @Test
  void updatesOutliveRebuildsIncludingThoseArrivingWhileOneRuns(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    IndexBuilder builder = new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher());
    List<Article> corpus = TestCorpus.read(TestCorpus.seedCorpus());
    String corpusId = corpus.get(0).id();
    try (LiveIndex live = open(store); ArticleSearcher searcher = searcher(live, store)) {
      live.apply(List.of(UpdateLog.Op.add(article("before-1", "numbatquill"))));
      live.apply(List.of(UpdateLog.Op.delete(corpusId)));
      Path old = live.generation();

      live.rebuild(() -> {
        Path generation = builder.buildUnpublished(store, corpus, done -> {}, java.util.Map.of());
        // Arrives after the build read the update log, before the switch.
        live.apply(List.of(UpdateLog.Op.add(article("during-1", "wallabyzest"))));
        return generation;
      });

      assertNotEquals(old, live.generation());
      assertEquals(live.generation(), store.current().orElseThrow(), "the rebuilt generation is published");
      assertEquals(1, total(searcher, "numbatquill"), "an update from before the rebuild is in the new generation");
      assertEquals(1, total(searcher, "wallabyzest"), "an update that arrived while it ran is too");
      assertEquals(true, searcher.article(corpusId).isEmpty(), "a deleted corpus article stays deleted");
      assertEquals(corpus.size() + 1, searcher.documentCount());

      // An external rebuild (news-search index in another process) is followed, and keeps them as well.
      live.apply(List.of(UpdateLog.Op.add(corpus.get(0))));
      builder.build(store, corpus, done -> {}, java.util.Map.of());
      assertEquals(1, total(searcher, "wallabyzest"));
      assertEquals(corpus.size() + 2, searcher.documentCount());
      assertEquals(true, searcher.article(corpusId).isPresent(), "added again after its delete");
    }
  }

  @Test
  void arrivalTimesSurviveARebuild(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    List<Article> corpus = TestCorpus.read(TestCorpus.seedCorpus());
    String before;
    try (LiveIndex live = open(store); ArticleSearcher searcher = searcher(live, store)) {
      before = searcher.search(SearchRequest.browse()).hits().get(0).indexedAt();
    }
    Thread.sleep(5);
    new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher())
        .build(store, corpus, done -> {}, java.util.Map.of());
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(),
        TestCorpus.config().taxonomy())) {
      assertEquals(before, searcher.search(SearchRequest.browse()).hits().get(0).indexedAt(),
          "a rebuild does not make old articles new to feeds");
    }
  }

  @Test
  void aCompactedLogStillCarriesEveryUpdateThroughARebuild(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    List<Article> corpus = TestCorpus.read(TestCorpus.seedCorpus());
    String corpusId = corpus.get(0).id();
    try (LiveIndex live = open(store)) {
      live.apply(List.of(UpdateLog.Op.add(article("kept-1", "oldwordquokka"))));
      live.apply(List.of(UpdateLog.Op.add(article("kept-1", "newwordquokka"))));
      live.apply(List.of(UpdateLog.Op.delete(corpusId)));
    }
    try (UpdateLog log = UpdateLog.openForAppend(store.root())) {
      log.compact();
      assertEquals(2, log.size());
    }
    new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher())
        .build(store, corpus, done -> {}, java.util.Map.of());
    try (LiveIndex live = open(store); ArticleSearcher searcher = searcher(live, store)) {
      assertEquals(1, total(searcher, "newwordquokka"));
      assertEquals(0, total(searcher, "oldwordquokka"), "the replaced version is gone");
      assertEquals(true, searcher.article(corpusId).isEmpty(), "a deleted corpus article stays deleted");
      assertEquals(corpus.size(), searcher.documentCount());
    }
  }

  @Test
  void aDueCommitRunsOffTheRefreshAndRecordsWhatItHolds(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    LiveRules everyTime = LiveRules.DEFAULT.withCommitInterval(0);
    try (LiveIndex live = LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(), everyTime)) {
      live.apply(List.of(UpdateLog.Op.add(article("committed-1", "dingoplum"))));
      live.refresh();
      Path generation = live.generation();
      long deadline = System.nanoTime() + 30_000_000_000L;
      String applied = null;
      while (System.nanoTime() < deadline && !"1".equals(applied)) {
        Thread.sleep(10);
        try (var directory = org.apache.lucene.store.FSDirectory.open(generation);
            var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
          applied = reader.getIndexCommit().getUserData().get(UpdateLog.APPLIED_SEQ);
        }
      }
      assertEquals("1", applied, "the background commit records the last update it holds");
    }
  }

  @Test
  void postsAreEnrichedOnTheThreadsTheRulesAllow(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    LiveRules one = new LiveRules(500, 10_000, 1 << 20, 100, 1);
    try (LiveIndex live = LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(), one)) {
      assertEquals(1, live.enrichThreads());
      live.apply(List.of(UpdateLog.Op.add(article("t-1", "emuplank")), UpdateLog.Op.add(article("t-2", "emuplank"))));
      try (ArticleSearcher searcher = searcher(live, store)) {
        assertEquals(2, total(searcher, "emuplank"));
      }
    }
  }

  private static int numDocs(LiveIndex live) throws IOException {
    LiveIndex.Reader r = live.acquire();
    try {
      return r.reader().numDocs();
    } finally {
      LiveIndex.release(r);
    }
  }

  @Test
  void anUpdateOpensNoReaderYetTellsReplacedFromIndexedAcrossRefreshes(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    try (LiveIndex live = open(store)) {
      int before = numDocs(live);
      assertEquals(0, live.apply(List.of(UpdateLog.Op.add(article("p-1", "quokkarind")))).count(true));
      LiveIndex.Applied second = live.apply(List.of(UpdateLog.Op.add(article("p-2", "quokkarind")),
          UpdateLog.Op.add(article("p-1", "quokkarind"))));
      assertEquals(List.of(false, true), second.existed(), "p-1 was applied, not yet refreshed");
      // Opening a reader flushes a segment: the refresh does that, once, not every update.
      assertEquals(before, numDocs(live), "nothing is searchable before the refresh");

      live.refresh();
      assertEquals(before + 2, numDocs(live));
      assertEquals(List.of(true, false), live.apply(List.of(UpdateLog.Op.delete("p-2"),
          UpdateLog.Op.add(article("p-3", "quokkarind")))).existed());
      assertEquals(List.of(false, true), live.apply(List.of(UpdateLog.Op.delete("p-2"),
          UpdateLog.Op.add(article("p-3", "quokkarind")))).existed(), "deleted, and added, before a refresh");
      live.refresh();
      assertEquals(before + 2, numDocs(live));
      assertEquals(List.of(false, true, true), live.apply(List.of(UpdateLog.Op.delete("p-2"),
          UpdateLog.Op.delete("p-3"), UpdateLog.Op.delete("p-1"))).existed());
      live.refresh();
      assertEquals(before, numDocs(live));
    }
  }
}
