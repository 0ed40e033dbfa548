package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad case in {@code src/test/resources/ingest/bad}: skipped with a reason, nothing else lost. */
class BadInputTest {
  private static final IngestFixtures.Ingested READ = IngestFixtures.ingest("bad");
  private static final IngestReport report = READ.report();
  private static final List<Article> articles = READ.articles();
  private static final Map<String, Article> byId = READ.byId();

  @Test
  void exactCounts() {
    // Every file but logo.png (13 files in all) has a format.
    assertEquals(12, report.filesRead());
    // broken.jsonl 2, broken.csv 2, unterminated.csv 1, latin1.txt 1, bom.txt 1, dup-a/dup-b 1.
    assertEquals(8, articles.size());
    assertEquals(8, report.articles());
    assertEquals(Map.of(
        SkipReason.EMPTY, 2,
        SkipReason.BINARY, 1,
        SkipReason.TOO_LARGE, 1,
        SkipReason.MALFORMED, 5,
        SkipReason.NO_TEXT, 2,
        SkipReason.UNSUPPORTED, 1), report.skipped());
    assertEquals(12, report.skippedTotal());
    assertEquals(1, report.duplicates());
    assertEquals(1, report.decodedAsWindows1252());
  }

  @Test
  void goodRecordsOfBrokenFilesAreKept() {
    assertEquals(List.of("b-1", "b-5", "bom", "c-1", "c-4", "latin1", "same-id", "u-1"),
        articles.stream().map(Article::id).sorted().toList());
    // An unreadable date is a warning; the article is indexed undated.
    assertNull(byId.get("b-5").date());
  }

  @Test
  void warningsNameFileAndLine() {
    assertWarning("broken.jsonl:2: skipped, malformed record (not JSON");
    assertWarning("broken.jsonl:3: skipped, malformed record (not a JSON object)");
    assertWarning("broken.jsonl:4: skipped, no article text");
    assertWarning("broken.jsonl:5: date 'sometime soon' is not a date");
    assertWarning("broken.csv:3: skipped, malformed record (2 fields, the header has 3)");
    assertWarning("broken.csv:4: skipped, malformed record (4 fields, the header has 3)");
    assertWarning("notext.csv:1: skipped, no article text");
    assertWarning("unterminated.csv: skipped, malformed record");
    assertWarning("empty.txt: skipped, empty");
    assertWarning("blank.md: skipped, empty");
    assertWarning("binary.txt: skipped, binary");
    assertWarning("big.txt: skipped, over the size limit");
    assertWarning("logo.png: skipped, unsupported file type");
    assertWarning("latin1.txt: not valid UTF-8, read as Windows-1252");
    assertWarning("dup-b.jsonl:1: duplicate id 'same-id' replaces the earlier article");
  }

  @Test
  void windows1252FileKeepsItsAccents() {
    Article latin = byId.get("latin1");
    assertEquals("Café owners welcome the €5 fee", latin.title());
    assertEquals("The café société of Zürich says the naïve plan costs £15.8m.", latin.text());
  }

  @Test
  void byteOrderMarkIsNotPartOfTheTitle() {
    assertEquals("Byte order mark headline", byId.get("bom").title());
  }

  @Test
  void laterDuplicateReplacesEarlier() {
    assertEquals("Later version", byId.get("same-id").title());
    assertFalse(articles.stream().anyMatch(a -> a.title().equals("Earlier version")));
  }

  private static void assertWarning(String expected) {
    assertTrue(report.messages().stream().anyMatch(m -> m.contains(expected)),
        "no warning containing '" + expected + "' in " + report.messages());
  }
}
