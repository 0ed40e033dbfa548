package newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval-entities} and {@code train-entities} as a user runs them. */
class EntityCommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static final String GOLD = """
      -DOCSTART- O

      Chief O
      executive O
      Marla B-PER
      Quenby I-PER
      said O
      Nvidia B-ORG
      would O
      open O
      an O
      office O
      in O
      Paris B-LOC
      . O
      """;

  @Test
  void evalEntitiesPrintsConllevalScoresPerTypeAndNameSets(@TempDir Path tmp) throws IOException {
    Path gold = Files.writeString(tmp.resolve("gold.iob"), GOLD);
    assertEquals(0, run("eval-entities", "--finder", "rules", "--config", TestCorpus.configDir().toString(), "--iob", gold.toString()), err.toString());
    String printed = out.toString();
    // The gazetteer knows Nvidia and Paris; the cue "executive" and "said" type Marla Quenby.
    assertTrue(hasRow(printed, "PER (person) 1.0000 1.0000 1.0000 1 1 1"), printed);
    assertTrue(hasRow(printed, "ORG (org) 1.0000 1.0000 1.0000 1 1 1"), printed);
    assertTrue(hasRow(printed, "LOC (place) 1.0000 1.0000 1.0000 1 1 1"), printed);
    assertTrue(hasRow(printed, "name sets per document 1.0000 1.0000 1.0000 3 3 3"), printed);
  }

  private static boolean hasRow(String printed, String row) {
    return printed.lines().anyMatch(l -> l.strip().replaceAll("\\s+", " ").equals(row));
  }

  @Test
  void evalEntitiesNamesTheLineOfABadFile(@TempDir Path tmp) throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.iob"), "Paris B-LOC\nthis line has no tag\n");
    assertEquals(1, run("eval-entities", "--finder", "rules", "--iob", bad.toString()));
    assertTrue(err.toString().contains("bad.iob:2: no IOB tag"), err.toString());
    assertEquals(1, run("eval-entities", "--finder", "rules", "--iob", tmp.resolve("missing.iob").toString()));
    assertTrue(err.toString().contains("no such file"), err.toString());
  }

  @Test
  void trainEntitiesIsDeterministic(@TempDir Path tmp) throws IOException {
    Path data = Files.writeString(tmp.resolve("train.iob"), (GOLD + "\n").repeat(3));
    Path one = tmp.resolve("one.bin");
    Path two = tmp.resolve("two.bin");
    assertEquals(0, run("train-entities", "--data", data.toString(), "--out", one.toString(), "--iterations", "5", "--cutoff", "1"), err.toString());
    assertEquals(0, run("train-entities", "--data", data.toString(), "--out", two.toString(), "--iterations", "5", "--cutoff", "1"), err.toString());
    assertTrue(out.toString().contains("3 names") || out.toString().contains("9 names"), out.toString());
    assertEquals(entries(one), entries(two), "the same data and settings give the same model (its manifest has a timestamp)");
  }

  /** The model archive's entries and their bytes, without the manifest. */
  private static java.util.Map<String, String> entries(Path model) throws IOException {
    java.util.Map<String, String> entries = new java.util.TreeMap<>();
    try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(model))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.getName().equals("manifest.properties")) {
          entries.put(e.getName(), java.util.HexFormat.of().formatHex(zip.readAllBytes()));
        }
      }
    }
    assertTrue(entries.size() >= 1, "a model has entries besides its manifest");
    return entries;
  }
}
