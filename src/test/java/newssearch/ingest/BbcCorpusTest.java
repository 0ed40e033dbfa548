package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BBC News dataset beside the project (2,225 articles in five category folders), when present. */
class BbcCorpusTest {
  private static IngestReport report;
  private static Map<String, Article> byId;

  @BeforeAll
  static void read() {
    if (!TestCorpus.hasBbc()) {
      return; // each test then reports itself skipped, with the reason (see present())
    }
    IngestFixtures.Ingested bbc = IngestFixtures.ingest(CorpusReader.standard(TestCorpus.config().ingest(), true), TestCorpus.bbc());
    report = bbc.report();
    byId = bbc.byId();
  }

  /** Reported per test, so that a run without the dataset lists these tests as skipped and says why. */
  @BeforeEach
  void present() {
    assumeTrue(TestCorpus.hasBbc(), TestCorpus.bbcAbsent());
  }

  @Test
  void everyFileIsOneArticle() {
    assertEquals(2225, report.filesRead());
    assertEquals(2225, byId.size());
    assertEquals(0, report.skippedTotal());
    assertEquals(0, report.duplicates());
    // sport/199.txt is the one file that is not UTF-8.
    assertEquals(1, report.decodedAsWindows1252());
    assertTrue(report.messages().contains(TestCorpus.bbc().resolve("sport/199.txt") + ": not valid UTF-8, read as Windows-1252"));
  }

  @Test
  void theLatin1FileKeepsItsPoundSign() {
    // Byte 0xA3 at offset 257 of sport/199.txt is the file's one non-ASCII character: "£15.8m".
    Article mutu = byId.get("sport-199");
    assertEquals("Chelsea sack Mutu", mutu.title());
    assertTrue(mutu.text().contains("a £15.8m signing from Parma"), mutu.text().substring(0, 300));
    assertFalse(mutu.text().contains("\uFFFD"));
  }

  @Test
  void titleIsTheFirstLineOfEveryFile() throws IOException {
    try (Stream<Path> files = Files.walk(TestCorpus.bbc())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        SourceFile source = SourceFile.under(TestCorpus.bbc(), file);
        String first = RawText.decode(Files.readAllBytes(file), source, new IngestReport()).lines().findFirst().orElseThrow();
        String id = source.idBase();
        Article article = byId.get(id);
        assertEquals(TextCleaner.normalise(first), article.title(), id);
        assertEquals("headline", article.titleOrigin(), id);
        assertFalse(article.text().startsWith(article.title() + "\n"), id);
      }
    }
  }

  @Test
  void theFiveCategoriesAreTopicsWithFolderTopicsOn() {
    Map<String, Long> perTopic = byId.values().stream()
        .collect(Collectors.groupingBy(a -> String.join(",", a.topics()), TreeMap::new, Collectors.counting()));
    assertEquals(Map.of("business", 510L, "entertainment", 386L, "politics", 417L, "sport", 511L, "tech", 401L), perTopic);
  }

  @Test
  void undatedButComplete() {
    Article first = byId.get("business-001");
    assertNull(first.date());
    assertEquals("Ad sales boost Time Warner profit", first.title());
  }
}
