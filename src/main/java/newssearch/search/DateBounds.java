package newssearch.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

/**
 * Reads the {@code from} and {@code to} parameters: {@code YYYY}, {@code YYYY-MM} or
 * {@code YYYY-MM-DD}. A {@code from} of a month or year starts on its first day, a {@code to}
 * ends on its last, so {@code from=2025-07&to=2025-07} is all of July.
 */
public final class DateBounds {
  private DateBounds() {}

  public static LocalDate from(String value) {
    return parse("from", value, true);
  }

  public static LocalDate to(String value) {
    return parse("to", value, false);
  }

  private static LocalDate parse(String name, String value, boolean start) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (v.matches("\\d{4}")) {
        Year year = Year.parse(v);
        return start ? year.atDay(1) : year.atMonth(12).atEndOfMonth();
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        YearMonth month = YearMonth.parse(v);
        return start ? month.atDay(1) : month.atEndOfMonth();
      }
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(v);
      }
    } catch (DateTimeException e) {
      throw new InvalidRequestException("bad_parameter", name + " is not a real date: '" + value + "'");
    }
    throw new InvalidRequestException("bad_parameter",
        name + " must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '" + value + "'");
  }
}
