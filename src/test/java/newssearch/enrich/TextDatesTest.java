package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import newssearch.ingest.Article;
import newssearch.ingest.ArticleDate;
import newssearch.ingest.DatePrecision;
import org.junit.jupiter.api.Test;

class TextDatesTest {

  private static ArticleDate found(String title, String text) {
    return TextDates.find(title, text).orElse(null);
  }

  @Test
  void findsTheFullDateOfADatedReport() {
    ArticleDate expected = new ArticleDate(LocalDate.of(2025, 7, 26), DatePrecision.DAY, "text");
    assertEquals(expected, found("Conference opens", "SHANGHAI, July 26, 2025 - The conference opened."));
    assertEquals(expected, found("Conference opens", "Shanghai, 26 July 2025: the conference opened."));
    assertEquals(expected, found("Conference opens", "Published Saturday, 26th July 2025. The conference opened."));
    assertEquals(expected, found("Report of 26 Jul. 2025", "The conference opened."));
  }

  @Test
  void takesTheFirstDateInTheLead() {
    assertEquals(LocalDate.of(2024, 3, 1),
        found("t", "On 1 March 2024 the firm said it would appeal by April 30, 2024.").day());
  }

  @Test
  void aDateFarDownTheTextIsNotTheReportsDate() {
    String text = "The firm reported results. ".repeat(40) + "The deadline is 25 January 2026.";
    assertTrue(TextDates.find("t", text).isEmpty());
    assertTrue(TextDates.find("t", "First paragraph.\n\nComments close on 25 January 2026.").isEmpty());
  }

  @Test
  void aPastEventInTheOpeningSentenceIsNotTheReportsDate() {
    // An anniversary piece written years later: the date is the event's, not the report's.
    assertNull(found("Ten years without the singer",
        "The singer, who led the band through its early years, went missing ten years ago, on 1 February 1995."));
    assertNull(found("Band remembers", "Fans gathered. On 1 February 1995 the singer went missing."));
    assertNull(found("Looking back at the night of 1 February 1995", "The band played on."));
  }

  @Test
  void incompleteOrImpossibleDatesAreNotDates() {
    assertTrue(TextDates.find("t", "Sales rose in July 2025 and on 26 July.").isEmpty());
    assertTrue(TextDates.find("t", "Filed on 31 February 2025.").isEmpty());
  }

  @Test
  void metadataComesFirstThenTheTextElseUndated() {
    ArticleDate metadata = new ArticleDate(LocalDate.of(2025, 12, 1), DatePrecision.MONTH, "metadata");
    String text = "London, 3 March 2024 - Prices rose.";
    assertEquals(metadata, Enricher.date(article(text, metadata)));
    assertEquals(new ArticleDate(LocalDate.of(2024, 3, 3), DatePrecision.DAY, "text"), Enricher.date(article(text, null)));
    assertNull(Enricher.date(article("Prices rose on Monday.", null)));
  }

  private static Article article(String text, ArticleDate date) {
    return new Article("a1", "Prices", "metadata", text, date, "", "", List.of(), "test");
  }
}
