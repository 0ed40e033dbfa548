package newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import newssearch.index.BuildLock;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.CorpusWalker;
import newssearch.ingest.IngestReport;
import newssearch.ingest.IngestRules;
import newssearch.search.ArticleSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRunTest {
  @TempDir Path tmp;

  private static Path fixtures(String name) {
    return TestCorpus.home().resolve("src/test/resources/ingest").resolve(name);
  }

  /** The project's configuration with a 4 KiB file limit, over which {@code bad/big.txt} is. */
  private static IndexConfig smallLimitConfig() {
    IndexConfig c = TestCorpus.config();
    IngestRules rules = new IngestRules(c.ingest().digestSeparators(), c.ingest().dropLines(), 4096);
    return new IndexConfig(c.dir(), c.analysis(), rules, c.taxonomy(), c.gazetteer());
  }

  @Test
  void summaryTableCountsFilesArticlesSkipsAndDuplicates() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    IndexRun.run(smallLimitConfig(), List.of(fixtures("bad")), false, new IndexStore(tmp.resolve("index")),
        new PrintWriter(out), new PrintWriter(err), false);
    String summary = out.toString();
    assertRow(summary, "files read", "12");
    assertRow(summary, "articles indexed", "8");
    assertRow(summary, "skipped", "12");
    assertRow(summary, "  empty", "2");
    assertRow(summary, "  binary, not text", "1");
    assertRow(summary, "  over the size limit", "1");
    assertRow(summary, "  malformed record", "5");
    assertRow(summary, "  no article text", "2");
    assertRow(summary, "  unsupported file type", "1");
    assertRow(summary, "duplicate ids replaced", "1");
    assertRow(summary, "read as Windows-1252", "1");
    assertTrue(summary.lines().anyMatch(l -> l.matches("time +\\d+\\.\\d s")), summary);
    assertTrue(summary.lines().anyMatch(l -> l.matches("cpu time +\\d+\\.\\d s")), summary);
    assertTrue(IndexRun.cpuSeconds() > 0, "the process has run");
    assertTrue(summary.lines().anyMatch(l -> l.matches("  reading +\\d+\\.\\d s")), summary);
    assertTrue(summary.lines().anyMatch(l -> l.matches("  enriching, indexing +\\d+\\.\\d s")), summary);
    assertFalse(summary.contains("articles per second"), "no rate for eight articles: " + summary);
    // Warnings name file and line, on the error stream.
    assertTrue(err.toString().contains("warning: " + fixtures("bad").resolve("broken.csv") + ":3: skipped, malformed record"), err.toString());
    assertFalse(err.toString().contains("indexing "), "no progress when output is not a terminal");
  }

  @Test
  void articlesPerSecondOnlyForARunLargeEnoughToMeasure() {
    IngestReport report = new IngestReport();
    report.articles(2_000);
    StringWriter out = new StringWriter();
    IndexRun.printSummary(report, 1.0, 5.0, new IndexStore(tmp.resolve("index")), new PrintWriter(out));
    assertRow(out.toString(), "articles per second", "500");
    assertFalse(IndexRun.rateIsMeaningful(12, 3.0), "twelve articles");
    assertFalse(IndexRun.rateIsMeaningful(5_000, 0.5), "under a second");
  }

  @Test
  void progressOnATerminalEndsWithEveryArticleDone() throws IOException {
    StringWriter err = new StringWriter();
    IndexRun.run(TestCorpus.config(), List.of(fixtures("formats")), false, new IndexStore(tmp.resolve("index")),
        new PrintWriter(new StringWriter()), new PrintWriter(err), true);
    assertTrue(err.toString().contains("\rindexing 12/12 articles"), err.toString());
    assertTrue(err.toString().endsWith(System.lineSeparator()), "the progress line is ended");
  }

  @Test
  void indexExitsZeroWhenAnythingWasIndexed() {
    int status = Main.run("index", "--config", TestCorpus.configDir().toString(),
        "--corpus", fixtures("bad").toString(), "--index", tmp.resolve("index").toString());
    assertEquals(0, status);
    assertTrue(new IndexStore(tmp.resolve("index")).current().isPresent());
  }

  @Test
  void nothingToIndexExitsNonZeroWithAMessageAndKeepsTheOldIndex() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, Main.run("index", "--config", TestCorpus.configDir().toString(),
        "--corpus", TestCorpus.seedCorpus().toString(), "--index", index.toString()));
    Path served = new IndexStore(index).current().orElseThrow();

    Path nothing = Files.createDirectories(tmp.resolve("nothing"));
    Files.write(nothing.resolve("empty.txt"), new byte[0]);
    Files.write(nothing.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    String[] message = new String[1];
    int status = withStderr(message, () -> Main.run("index", "--config", TestCorpus.configDir().toString(),
        "--corpus", nothing.toString(), "--index", index.toString()));

    assertEquals(1, status);
    assertTrue(message[0].contains("news-search: nothing to index: no article could be read from [" + nothing + "]"
        + " (1 files read, 2 skipped); the index in " + index + " is unchanged"), message[0]);
    assertFalse(message[0].contains("Exception"), message[0]);
    assertEquals(served, new IndexStore(index).current().orElseThrow());
    assertServes(index, 12);
  }

  @Test
  void aBuildThatFailsHalfwayLeavesTheOldIndexServed() throws IOException {
    Path index = tmp.resolve("index");
    IndexStore store = TestCorpus.index(index, TestCorpus.seedCorpus());
    Path served = store.current().orElseThrow();

    List<Article> good = TestCorpus.read(fixtures("formats"));
    List<Article> failing = new AbstractList<>() {
      @Override
      public Article get(int i) {
        if (i == 5) {
          throw new IllegalStateException("disk full");
        }
        return good.get(i);
      }

      @Override
      public int size() {
        return good.size();
      }
    };
    IndexBuilder builder = new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher());
    assertThrows(IllegalStateException.class, () -> builder.build(store, failing, done -> {}));

    assertEquals(served, store.current().orElseThrow());
    assertServes(index, 12);
    try (Stream<Path> generations = Files.list(index)) {
      assertEquals(List.of(served), generations.filter(Files::isDirectory).toList(), "the failed generation is removed");
    }
  }

  @Test
  void aRunThatCannotReadAFolderPublishesAndSaysSo() throws IOException {
    Path corpus = tmp.resolve("corpus");
    for (String name : List.of("a", "b", "c")) {
      Files.createDirectories(corpus.resolve(name));
      Files.writeString(corpus.resolve(name).resolve(name + ".txt"), "Story " + name + "\n\nThe harbour council met today.");
    }
    Path unreadable = corpus.resolve("b");
    CorpusReader reader = CorpusReader.standard(TestCorpus.config().ingest(), false).listingFoldersWith(folder -> {
      if (folder.equals(unreadable)) {
        throw new java.nio.file.AccessDeniedException(folder.toString());
      }
      return CorpusWalker.FolderListing.FILE_SYSTEM.list(folder);
    });
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    IngestReport report = IndexRun.run(TestCorpus.config(), reader, List.of(corpus), false, new IndexStore(tmp.resolve("index")),
        new PrintWriter(out), new PrintWriter(err), false);

    assertEquals(List.of(unreadable.toString()), report.unreadableFolders());
    assertRow(out.toString(), "articles indexed", "2");
    assertRow(out.toString(), "unreadable folders", "1");
    assertTrue(err.toString().contains("warning: " + unreadable + ": folder skipped, cannot be read"), err.toString());
    assertTrue(err.toString().contains("warning: the index was published WITHOUT 1 folder(s) that could not be read: "
        + unreadable), err.toString());
    assertServes(tmp.resolve("index"), 2);
  }

  @Test
  void aSecondRunFailsAtOnceWhileAnotherHoldsTheIndex() throws Exception {
    Path index = tmp.resolve("index");
    IndexStore store = TestCorpus.index(index, TestCorpus.seedCorpus());
    Path served = store.current().orElseThrow();
    String[] message = new String[1];
    int status;
    try (BuildLock held = store.lock()) {
      status = withStderr(message, () -> Main.run("index", "--config", TestCorpus.configDir().toString(),
          "--corpus", fixtures("formats").toString(), "--index", index.toString()));
    }
    assertEquals(1, status);
    assertEquals("news-search: another indexing run is using " + index + " (pid " + ProcessHandle.current().pid()
        + "); try again when it is done", message[0].strip());
    assertEquals(served, store.current().orElseThrow());
    // Released, the index folder takes the next run.
    assertEquals(0, Main.run("index", "--config", TestCorpus.configDir().toString(),
        "--corpus", fixtures("formats").toString(), "--index", index.toString()));
    assertServes(index, 12);
  }

  @Test
  void anotherProcessHoldingTheIndexStopsTheRunWithItsPid() throws Exception {
    Path index = tmp.resolve("index");
    IndexStore store = TestCorpus.index(index, TestCorpus.seedCorpus());
    try (BuildLock held = store.lock()) {
      Path log = tmp.resolve("index.log");
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
          "newssearch.cli.Main", "index", "--config", TestCorpus.configDir().toString(),
          "--corpus", fixtures("formats").toString(), "--index", index.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(1, child.exitValue(), Files.readString(log));
      assertTrue(Files.readString(log).contains("news-search: another indexing run is using " + index
          + " (pid " + ProcessHandle.current().pid() + ")"), Files.readString(log));
    }
  }

  private static void assertServes(Path index, int documents) throws IOException {
    IndexConfig c = TestCorpus.config();
    try (ArticleSearcher searcher = ArticleSearcher.open(new IndexStore(index), c.analysis().query(), c.taxonomy())) {
      assertEquals(documents, searcher.documentCount());
    }
  }

  private static void assertRow(String table, String label, String value) {
    assertTrue(table.lines().anyMatch(l -> l.startsWith(label + " ") && l.strip().endsWith(" " + value)
            && l.substring(label.length()).strip().equals(value)),
        "no row '" + label + "' = " + value + " in\n" + table);
  }

  private static int withStderr(String[] captured, java.util.function.IntSupplier run) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      return run.getAsInt();
    } finally {
      System.setErr(original);
      captured[0] = bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
