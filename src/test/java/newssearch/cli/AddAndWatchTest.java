package newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.LiveRules;
import newssearch.ingest.CorpusReader;
import newssearch.search.ArticleSearcher;
import newssearch.search.SearchLimits;
import newssearch.search.SearchRequest;
import newssearch.web.LiveTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code add} to a running server and to an index on disk (one writer at a time), and {@code serve
 * --watch} applying new, changed and deleted corpus files.
 */
class AddAndWatchTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static Path jsonl(Path dir, String id, String word) throws IOException {
    Path file = dir.resolve(id + ".jsonl");
    Files.writeString(file, "{\"id\": \"" + id + "\", \"title\": \"" + word + " in the news\", \"text\": \"A report on "
        + word + " and the markets.\", \"date\": \"2031-05\"}\n");
    return file;
  }

  private static long total(IndexStore store, String q) throws IOException {
    try (ArticleSearcher s = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy())) {
      return s.search(SearchRequest.of(q)).total();
    }
  }

  @Test
  void addWritesToTheIndexOnDiskWithoutAServer(@TempDir Path index, @TempDir Path files) throws Exception {
    IndexStore store = TestCorpus.index(index, TestCorpus.seedCorpus());
    Path file = jsonl(files, "disk-1", "Bilbyquartz");
    assertEquals(0, run("add", "--index", index.toString(), "--config", TestCorpus.configDir().toString(), file.toString()),
        err.toString());
    assertTrue(out.toString().contains("added 1 articles"), out.toString());
    assertEquals(1, total(store, "bilbyquartz"));
    assertEquals("2031-05", searchDate(store, "bilbyquartz"), "the month-precise date is kept");

    // While another writer holds the index (a server, here in this process), add refuses with a clear message.
    try (LiveIndex live = LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(),
        LiveRules.DEFAULT)) {
      assertNotEquals(0, run("add", "--index", index.toString(), "--config", TestCorpus.configDir().toString(),
          file.toString()));
      assertTrue(err.toString().contains("another process is writing to the index"), err.toString());
      assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }
  }

  private static String searchDate(IndexStore store, String q) throws IOException {
    try (ArticleSearcher s = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy())) {
      var hit = s.search(SearchRequest.of(q)).hits().get(0);
      return hit.datePrecision().equals("month") ? hit.date().substring(0, 7) : hit.date();
    }
  }

  @Test
  void addSendsToTheRunningServer(@TempDir Path index, @TempDir Path files) throws Exception {
    try (LiveTestServer server = new LiveTestServer(index)) {
      ServerAddress.write(server.store.root(), server.baseUrl() + "/");
      Path file = jsonl(files, "sent-1", "Dunnartfig");
      assertEquals(0, run("add", "--index", index.toString(), "--config", TestCorpus.configDir().toString(),
          file.toString()), err.toString());
      assertTrue(out.toString().contains("sent 1 articles to " + server.baseUrl()), out.toString());
      server.refresh();
      assertEquals(1, server.getJson("/api/search?q=dunnartfig").get("total").asLong());
    }
  }

  @Test
  void watchingAppliesNewChangedAndDeletedFiles(@TempDir Path corpus, @TempDir Path index) throws Exception {
    Path kept = corpus.resolve("sport");
    Files.createDirectories(kept);
    Files.writeString(kept.resolve("a.txt"), "Quendafield wins the cup\n\nQuendafield won the cup on Sunday.\n");
    Files.writeString(kept.resolve("b.txt"), "Tarsierhoop loses\n\nTarsierhoop lost the final.\n");
    IndexStore store = TestCorpus.index(index, corpus);
    try (LiveIndex live = LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(),
            LiveRules.DEFAULT);
        ArticleSearcher searcher = ArticleSearcher.open(live, store, TestCorpus.config().analysis().query(),
            TestCorpus.config().taxonomy(), SearchLimits.DEFAULT)) {
      CorpusWatcher watcher = new CorpusWatcher(live, CorpusReader.standard(TestCorpus.config().ingest(), false),
          List.of(corpus), message -> {});
      watcher.scan(false);

      Files.writeString(kept.resolve("c.txt"), "Potoroobell arrives\n\nPotoroobell arrived in town.\n");
      Files.writeString(kept.resolve("a.txt"), "Quendafield loses the cup\n\nIt was Wallarooquip who won it.\n");
      Files.delete(kept.resolve("b.txt"));
      watcher.scan(true);
      searcher.refresh();

      assertEquals(1, searcher.search(SearchRequest.of("potoroobell")).total(), "a new file is added");
      assertEquals(1, searcher.search(SearchRequest.of("wallarooquip")).total(), "a changed file is read again");
      assertEquals(0, searcher.search(SearchRequest.of("tarsierhoop")).total(), "a deleted file's article is deleted");
      assertEquals(2, searcher.documentCount());
      watcher.scan(true);
      searcher.refresh();
      assertEquals(2, searcher.documentCount(), "nothing changes when no file did");
    }
  }
}
