package newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import newssearch.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command as a user would, briefly; its figures are not checked, only that it reports. */
class BenchCommandTest {
  @TempDir Path tmp;

  @Test
  void measuresTheSeedCorpusAndWritesTheTables() throws Exception {
    Path out = tmp.resolve("RESULTS.md");
    Path work = tmp.resolve("work");
    int status = Main.run("bench", "--rounds", "1", "--warmup", "0", "--no-http", "--no-server-process",
        "--out", out.toString(), "--work", work.toString());
    assertEquals(0, status);
    String md = Files.readString(out);
    assertTrue(md.contains("| seed | 12 |"), md);
    assertTrue(md.matches("(?s).*\\| seed \\| \\d+ × 1 \\|.*"), md);
    assertTrue(md.contains("| seed | not measured: --no-http |"), md);
    assertTrue(md.contains("| single | `q=china` |"), md);
    assertTrue(Files.notExists(work), "the scratch folder is removed");
  }

  @Test
  void aScaledCorpusNeedsASourceCorpus() {
    assertEquals(2, Main.run("bench", "--scaled", "100", "--no-http", "--no-server-process", "--out", tmp.resolve("r.md").toString()));
  }

  @Test
  void writesTheScaledCorpusAsJsonLinesFilesThatIndex() throws Exception {
    Path dir = tmp.resolve("scaled");
    int n = BenchCommand.SCALED_FILE_ARTICLES + 5;
    assertEquals(0, Main.run("bench", "--corpus", Path.of("corpus").toAbsolutePath().toString(), "--scaled", Integer.toString(n),
        "--write-scaled", dir.toString()));
    assertEquals(BenchCommand.SCALED_FILE_ARTICLES, Files.readAllLines(dir.resolve("scaled-00000.jsonl")).size());
    assertEquals(5, Files.readAllLines(dir.resolve("scaled-00001.jsonl")).size());
    Path index = tmp.resolve("index");
    assertEquals(0, Main.run("index", "--corpus", dir.toString(), "--index", index.toString()));
    assertTrue(Files.isDirectory(index));
  }

  @Test
  void writingAScaledCorpusNeedsItsSize() {
    assertEquals(2, Main.run("bench", "--corpus", Path.of("corpus").toAbsolutePath().toString(),
        "--write-scaled", tmp.resolve("s.jsonl").toString()));
  }

  @Test
  void aMissingCorpusIsAUsageError() {
    assertEquals(2, Main.run("bench", "--corpus", tmp.resolve("absent").toString(), "--out", tmp.resolve("r.md").toString()));
  }
}
