package newssearch.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses the dates that corpus metadata gives. */
public final class Dates {
  private Dates() {}

  /**
   * An ISO date ({@code 2025-12-30}), month ({@code 2025-12}) or year ({@code 2025}), with the
   * precision its form implies; empty when the text is none of these.
   */
  public static Optional<ArticleDate> parseIso(String text, String basis) {
    String s = text == null ? "" : text.strip();
    try {
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(new ArticleDate(LocalDate.parse(s), DatePrecision.DAY, basis));
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        return Optional.of(new ArticleDate(YearMonth.parse(s).atDay(1), DatePrecision.MONTH, basis));
      }
      if (s.matches("\\d{4}")) {
        return Optional.of(new ArticleDate(LocalDate.of(Integer.parseInt(s), 1, 1), DatePrecision.YEAR, basis));
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
