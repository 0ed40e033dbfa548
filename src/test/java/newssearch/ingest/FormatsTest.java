package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One good file of every format, in {@code src/test/resources/ingest/formats}. */
class FormatsTest {
  private static final IngestFixtures.Ingested READ = IngestFixtures.ingest("formats");
  private static final IngestReport report = READ.report();
  private static final List<Article> articles = READ.articles();
  private static final Map<String, Article> byId = READ.byId();

  @Test
  void readsEveryFileAndRecordWithoutSkipsOrWarnings() {
    // briefs.ndjson 1, harbour.html 1, news.jsonl 3, notes.md 1, robotaxi.html 1, solar.htm 1,
    // story.txt 1, table.csv 3
    assertEquals(8, report.filesRead());
    assertEquals(12, articles.size());
    assertEquals(12, report.articles());
    assertEquals(0, report.skippedTotal());
    assertEquals(0, report.duplicates());
    assertEquals(List.of(), report.messages());
  }

  @Test
  void jsonLinesRecordsKeepTheirFields() {
    Article nvidia = byId.get("jl-nvidia");
    assertEquals("Nvidia ships H20 chips to China again", nvidia.title());
    assertEquals("metadata", nvidia.titleOrigin());
    assertEquals("Nvidia resumed shipments of its H20 accelerator to Chinese customers.\n\n"
        + "The company said export licences had been granted.", nvidia.text());
    // 23:30 at UTC-5 is the next day in UTC.
    assertEquals(LocalDate.of(2025, 7, 16), nvidia.date().day());
    assertEquals(DatePrecision.DAY, nvidia.date().precision());
    assertEquals("Example Wire", nvidia.source());
    assertEquals("https://example.com/nvidia-h20", nvidia.url());
    assertEquals(List.of("chips", "trade"), nvidia.topics());
    assertEquals(List.of("Nvidia", "place:China"), nvidia.entities());
  }

  @Test
  void jsonLinesRecordWithoutIdGetsFileIdAndLine() {
    Article quantum = byId.get("news-2");
    assertEquals("Quantum lab reports new qubit record", quantum.title());
    assertEquals("A laboratory in Hefei reported a processor with 105 superconducting qubits.", quantum.text());
    assertEquals(LocalDate.of(2025, 7, 26), quantum.date().day());
    assertTrue(quantum.origin().endsWith("news.jsonl:2"), quantum.origin());
  }

  @Test
  void jsonLinesTextAliasesEpochDatesAndTopicStrings() {
    Article robots = byId.get("jl-robots");
    assertEquals("Humanoid robots ran a half marathon in Beijing", robots.title());
    assertEquals("derived", robots.titleOrigin());
    assertEquals(LocalDate.of(2025, 7, 26), robots.date().day());
    assertEquals(List.of("robotics", "events"), robots.topics());

    Article brief = byId.get("nd-brief");
    assertEquals("Shanghai hosts AI conference", brief.title());
    assertEquals("The World Artificial Intelligence Conference opened in Shanghai on Saturday.", brief.text());
    assertEquals(LocalDate.of(2025, 7, 26), brief.date().day());
  }

  @Test
  void csvRowsKeepQuotedCommasQuotesAndLineBreaks() {
    Article first = byId.get("csv-1");
    assertEquals("Chip exports, tariffs and talks", first.title());
    assertEquals("Officials met in Geneva to discuss chip exports.\n\nThe talks \"went well\", one delegate said.", first.text());
    assertEquals(LocalDate.of(2025, 7, 26), first.date().day());
    assertEquals("Example Daily", first.source());
    assertEquals("https://example.com/csv-1", first.url());
    assertEquals(List.of("trade", "chips"), first.topics());
    assertEquals(List.of("Geneva", "WTO"), first.entities());
    assertTrue(first.origin().endsWith("table.csv:2"), first.origin());
  }

  @Test
  void csvRowWithoutIdGetsRowNumberAndStaysUndated() {
    Article second = byId.get("table-2");
    assertEquals("Undated brief without an id", second.title());
    assertNull(second.date());
    assertEquals(List.of(), second.topics());
    // The first row spans lines 2 to 4.
    assertTrue(second.origin().endsWith("table.csv:5"), second.origin());

    Article third = byId.get("csv-3");
    assertEquals(LocalDate.of(2025, 7, 1), third.date().day());
    assertEquals(DatePrecision.MONTH, third.date().precision());
  }

  @Test
  void htmlArticleTextTitleDateSourceAndUrl() {
    Article page = byId.get("robotaxi");
    assertEquals("Robot taxis reach 1,000 vehicles in Wuhan", page.title());
    assertEquals("headline", page.titleOrigin());
    assertEquals("Robot taxis now number 1,000 in Wuhan, the operator said.\n\n"
        + "Riders pay less than for a human driver.\n\n"
        + "It feels safe, said one rider.\n\n"
        + "Fleet: 1,000 cars\n\n"
        + "City: Wuhan", page.text());
    // 06:15 at UTC+8 is the previous day in UTC.
    assertEquals(LocalDate.of(2025, 8, 9), page.date().day());
    assertEquals("Example Times", page.source());
    assertEquals("https://example.com/robots-road", page.url());
    assertFalse(page.text().contains("tracking"));
    assertFalse(page.text().contains("Copyright"));
    assertFalse(page.text().contains("Related"));
    assertFalse(page.text().contains("Home"));
  }

  @Test
  void htmlWithoutArticleUsesMainJsonLdDateAndItsMetadataFile() {
    Article page = byId.get("solar");
    // solar.meta.json names the title and topics; the date is the page's JSON-LD datePublished.
    assertEquals("Solar panel exports climb in the first quarter", page.title());
    assertEquals("metadata", page.titleOrigin());
    assertEquals(List.of("energy"), page.topics());
    assertEquals("Solar panel exports climbed in the first quarter.\n\nManufacturers cited demand from Europe.", page.text());
    assertEquals(LocalDate.of(2025, 3, 2), page.date().day());
  }

  @Test
  void htmlWithoutBlocksOrHeadingUsesTitleTagAndBodyText() {
    Article page = byId.get("harbour");
    assertEquals("Harbour reopens after storm", page.title());
    assertEquals("headline", page.titleOrigin());
    assertEquals("The harbour reopened on Monday after the storm.\n\nFerries run again.", page.text());
    assertNull(page.date());
  }

  @Test
  void textFilesTakeTheirHeadlineOrLeadSentenceAndTheirMetadataFile() {
    Article story = byId.get("story");
    assertEquals("Lunar rover finds water ice", story.title());
    assertEquals("headline", story.titleOrigin());
    assertNull(story.date());

    Article notes = byId.get("notes");
    assertEquals("The committee met on Tuesday to review the budget", notes.title());
    assertEquals("derived", notes.titleOrigin());
    assertEquals(LocalDate.of(2025, 7, 26), notes.date().day());
    assertEquals("Notes Weekly", notes.source());
    assertEquals(List.of("markets"), notes.topics());
  }

  @Test
  void sameFilesGiveSameIds() {
    List<String> again = IngestFixtures.read(new IngestReport(), false, IngestFixtures.dir("formats"))
        .stream().map(Article::id).toList();
    assertEquals(articles.stream().map(Article::id).toList(), again);
  }
}
