package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import newssearch.TestCorpus;
import newssearch.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dates outside a plausible range are treated as undated, with a warning (issue 13, case 13). */
class PlausibleDatesTest {
  @TempDir Path dir;

  private Map<String, Article> read(IngestRules rules, IngestReport report) throws IOException {
    Files.writeString(dir.resolve("dated.jsonl"), """
        {"id": "far-future", "date": "+999999999-12-31", "text": "A date no parser should trust."}
        {"id": "too-old", "date": "1650-03-01", "text": "Before any newspaper in this archive."}
        {"id": "fine", "date": "2025-07-26", "text": "The council met on Saturday."}
        {"id": "edge", "date": "1800-01-01", "text": "The first plausible day."}
        """);
    return CorpusReader.standard(rules).read(List.of(dir), report).stream()
        .collect(Collectors.toMap(Article::id, a -> a));
  }

  @Test
  void implausibleDatesAreUndatedWithAWarning() throws IOException {
    IngestReport report = new IngestReport();
    Map<String, Article> byId = read(TestCorpus.config().ingest(), report);

    assertNull(byId.get("far-future").date());
    assertNull(byId.get("too-old").date());
    assertEquals(LocalDate.of(2025, 7, 26), byId.get("fine").date().day());
    assertEquals(LocalDate.of(1800, 1, 1), byId.get("edge").date().day());
    assertTrue(report.messages().contains(dir.resolve("dated.jsonl") + ":1: date +999999999-12-31 is outside 1800-2200"
        + " (date-range in ingest.conf); indexed as undated"), report.messages().toString());
    assertTrue(report.messages().stream().anyMatch(m -> m.startsWith(dir.resolve("dated.jsonl") + ":2: date 1650-03-01 is outside")));
  }

  @Test
  void theRangeIsSetInIngestConf(@TempDir Path config) throws IOException {
    Files.writeString(config.resolve("ingest.conf"), "date-range 1900 2024\n");
    Map<String, Article> byId = read(IngestRules.load(config), new IngestReport());
    assertNull(byId.get("fine").date(), "2025 is after 2024");
    assertNull(byId.get("edge").date());
  }

  @Test
  void aBadRangeStopsStartupWithFileAndLine(@TempDir Path config) throws IOException {
    Path file = Files.writeString(config.resolve("ingest.conf"), "# years\ndate-range 2200 1800\n");
    ConfigException e = assertThrows(ConfigException.class, () -> IngestRules.load(config));
    assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("'date-range' needs two years"), e.getMessage());

    Files.writeString(file, "max-entities-per-record 0\n");
    assertTrue(assertThrows(ConfigException.class, () -> IngestRules.load(config)).getMessage().startsWith(file + ":1:"));
  }
}
