package newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands, in process: what they print, their exit status, what they leave on disk. */
class CommandLineTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static int documents(Path indexDir) throws IOException {
    Path generation = new IndexStore(indexDir).current().orElseThrow();
    try (FSDirectory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  @Test
  void indexWithCorpusIndexesExactlyThosePaths(@TempDir Path tmp) throws IOException {
    Path one = TestCorpus.seedCorpus().resolve("newscentral-xi-ai-chips-2025-04.txt");
    assertEquals(0, run("index", "--corpus", one.toString(), "--index", tmp.toString()), err.toString());
    assertEquals(1, documents(tmp));
    assertTrue(out.toString().matches("(?s).*articles indexed\\s+1\\b.*"), out.toString());
  }

  @Test
  void aBadConfigurationStopsWithFileAndLine(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("config");
    try (Stream<Path> files = Files.list(TestCorpus.configDir())) {
      Files.createDirectory(config);
      for (Path f : files.toList()) {
        Files.copy(f, config.resolve(f.getFileName()));
      }
    }
    Files.writeString(config.resolve("ingest.conf"), "drop-line ^ok$\ndigest-separator [unclosed\n");
    int status = run("index", "--config", config.toString(), "--index", tmp.resolve("index").toString());
    assertEquals(2, status);
    assertTrue(err.toString().contains("ingest.conf:2"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    assertFalse(Files.exists(tmp.resolve("index/CURRENT")));
  }

  @Test
  void nothingToIndexFailsAndKeepsThePreviousIndex(@TempDir Path tmp) throws IOException {
    assertEquals(0, run("index", "--index", tmp.toString()));
    Path served = new IndexStore(tmp).current().orElseThrow();
    Path empty = Files.createDirectory(tmp.resolve("empty-corpus"));
    assertEquals(1, run("index", "--corpus", empty.toString(), "--index", tmp.toString()));
    assertTrue(err.toString().contains("nothing to index"), err.toString());
    assertEquals(served, new IndexStore(tmp).current().orElseThrow());
    assertEquals(12, documents(tmp));
  }

  @Test
  void anIndexRecordsItsSchemaAndCorpusSoThatAnOutdatedOneIsRebuiltFromIt(@TempDir Path tmp) throws IOException {
    Path one = TestCorpus.seedCorpus().resolve("newscentral-xi-ai-chips-2025-04.txt");
    assertEquals(0, run("index", "--corpus", one.toString(), "--index", tmp.toString()));
    IndexStore store = new IndexStore(tmp);
    assertEquals(newssearch.index.Schema.VERSION, store.currentCommitData().get(newssearch.index.IndexBuilder.SCHEMA_VERSION));
    assertTrue(IndexRun.rebuildNeeded(store).isEmpty(), "an index of this version is served as it is");
    assertEquals(java.util.List.of(one.toAbsolutePath().normalize()), IndexRun.recordedCorpus(store).orElseThrow().corpus());

    // An index written by an earlier schema, which recorded where its corpus was.
    writeIndexWithCommitData(tmp, java.util.Map.of(
        newssearch.index.IndexBuilder.SCHEMA_VERSION, "1", IndexRun.CORPUS, one.toString(), IndexRun.FOLDER_TOPICS, "true"));
    IndexRun.Rebuild rebuild = IndexRun.rebuildNeeded(store).orElseThrow();
    assertEquals(java.util.List.of(one), rebuild.corpus());
    assertTrue(rebuild.folderTopics());

    // One from before versions were recorded: rebuilt, but it cannot say from what.
    writeIndexWithCommitData(tmp, java.util.Map.of());
    assertEquals(java.util.List.of(), IndexRun.rebuildNeeded(store).orElseThrow().corpus());
  }

  private static void writeIndexWithCommitData(Path indexDir, java.util.Map<String, String> data) throws IOException {
    IndexStore store = new IndexStore(indexDir);
    Path generation = store.newGeneration();
    try (FSDirectory dir = FSDirectory.open(generation);
        org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(dir,
            new org.apache.lucene.index.IndexWriterConfig())) {
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
    store.publish(generation);
  }
}
