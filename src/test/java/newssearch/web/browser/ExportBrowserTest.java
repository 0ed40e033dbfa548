package newssearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newssearch.web.TestServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The page's exports in real Chromium over a corpus whose titles are spreadsheet formulas: the
 * CSV (the server's, and the one the page writes itself when a server has none) is read by a
 * strict RFC 4180 reader header first, with every formula neutralised; the JSON carries what
 * cites the export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> TITLES = Map.of(
      "formula.txt", "=HYPERLINK(\"http://attacker.example\",\"okapiquill\")",
      "minus.txt", "-3 okapiquill sightings",
      "at.txt", "@SUM(A1) okapiquill",
      "plain.txt", "Okapiquill season opens");

  @TempDir static Path indexDir;
  @TempDir static Path corpus;
  private TestServer server;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    for (var e : TITLES.entrySet()) {
      Files.writeString(corpus.resolve(e.getKey()), e.getValue() + "\n\nThe okapiquill is back in Kenya and Nvidia.\n");
    }
    browser = Browser.start();
    server = TestServer.start(indexDir, corpus);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void csvExportOpensHeaderFirstWithFormulasNeutralised() throws Exception {
    open("/?q=okapiquill");
    browser.driver.findElement(By.id("export-csv")).click();
    String csv = Files.readString(browser.download("news-search-okapiquill.csv").toPath());
    assertNeutralisedTable(csv);
  }

  @Test
  void csvWrittenByThePageHasTheServersColumnsAndNeutralisesFormulas() throws Exception {
    open("/?q=okapiquill");
    JsonNode all = server.getJson("/api/search?q=okapiquill&size=100");
    String csv = (String) browser.js("return import('/lib/export.js').then((m) => m.toCsv(JSON.parse(arguments[0])));",
        all.get("hits").toString());
    List<CSVRecord> rows = assertNeutralisedTable(csv);
    String server = this.server.get("/api/search.csv?q=okapiquill").body();
    try (CSVParser parser = CSVParser.parse(server, CSVFormat.RFC4180.builder().setHeader().get())) {
      assertEquals(parser.getHeaderNames(), rows.get(0).getParser().getHeaderNames(), "the same columns as the server");
    }
  }

  @Test
  void jsonExportCarriesWhatCitesIt() throws Exception {
    open("/?q=okapiquill");
    browser.driver.findElement(By.id("export-json")).click();
    JsonNode exported = JSON.readTree(browser.download("news-search-okapiquill.json"));
    assertEquals(server.searcher.indexVersion(), exported.path("index_version").asText());
    assertFalse(exported.path("generated_at").asText().isBlank());
    assertEquals("q=okapiquill", exported.path("search_parameters").asText());
    assertEquals(TITLES.size(), exported.path("total").asInt());
    JsonNode hit = exported.path("hits").get(0);
    assertEquals(server.baseUrl() + "/article.html?id=" + hit.path("id").asText(), hit.path("article_link").asText());
    assertTrue(hit.path("topic_labels").isArray());
  }

  /** Parses {@code csv} strictly, header first, and checks every formula title is neutralised. */
  private List<CSVRecord> assertNeutralisedTable(String csv) throws Exception {
    assertTrue(csv.startsWith("\"rank\",\"id\",\"title\""), "the header is the first line: " + csv.substring(0, 40));
    List<CSVRecord> rows;
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader().get())) {
      rows = parser.getRecords();
    }
    assertEquals(TITLES.size(), rows.size(), csv);
    List<String> titles = new ArrayList<>();
    for (CSVRecord row : rows) {
      assertEquals(row.getParser().getHeaderNames().size(), row.size());
      titles.add(row.get("title"));
      assertTrue(row.get("article_link").startsWith(server.baseUrl() + "/article.html?id="), row.get("article_link"));
      for (String cell : row) {
        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a live formula: " + cell);
      }
    }
    for (String title : TITLES.values()) {
      String expected = "=-@".indexOf(title.charAt(0)) >= 0 ? "'" + title : title;
      assertTrue(titles.contains(expected), expected + " in " + titles);
    }
    return rows;
  }

  private void open(String path) {
    browser.driver.get(server.baseUrl() + path);
    browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
        "const r = document.getElementById('results');"
            + "return document.readyState === 'complete' && (!r || !r.hasAttribute('aria-busy'));")));
  }
}
