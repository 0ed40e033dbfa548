package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cells of an export: text a spreadsheet would evaluate is neutralised as OWASP advises. */
class SearchCsvTest {
  @Test
  void cellsThatASpreadsheetWouldEvaluateArePrefixedWithAQuote() {
    assertEquals("'=HYPERLINK(\"http://x.example\",\"y\")", SearchCsv.text("=HYPERLINK(\"http://x.example\",\"y\")"));
    assertEquals("'+1 555 0100", SearchCsv.text("+1 555 0100"));
    assertEquals("'-3 dead in storm", SearchCsv.text("-3 dead in storm"));
    assertEquals("'@SUM(A1:A9)", SearchCsv.text("@SUM(A1:A9)"));
    assertEquals("'\t=1+1", SearchCsv.text("\t=1+1"));
    assertEquals("'\r=1+1", SearchCsv.text("\r=1+1"));
  }

  @Test
  void ordinaryTextIsLeftAsItIs() {
    assertEquals("Nvidia = chips?", SearchCsv.text("Nvidia = chips?"), "only the first character matters");
    assertEquals("2025-04-01", SearchCsv.text("2025-04-01"));
    assertEquals("'quoted' title", SearchCsv.text("'quoted' title"));
    assertEquals("", SearchCsv.text(null));
    assertEquals("", SearchCsv.text(""));
  }

  @Test
  void highlightedPassagesBecomePlainText() {
    assertEquals("AT&T said \"<no>\" to Nvidia's chips/boards",
        Html.plain("AT&amp;T said &quot;&lt;no&gt;&quot; to <mark>Nvidia</mark>&#x27;s chips&#x2F;boards"));
    assertEquals("a & b; c &unknown; d", Html.plain("a &amp; b; c &unknown; d"));
  }
}
