package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2025-07-26                      | 2025-07-26 | DAY",
      "20250726                        | 2025-07-26 | DAY",
      "2025/7/26                       | 2025-07-26 | DAY",
      "2025-07                         | 2025-07-01 | MONTH",
      "2025                            | 2025-01-01 | YEAR",
      "July 2025                       | 2025-07-01 | MONTH",
      "July 26, 2025                   | 2025-07-26 | DAY",
      "Jul 26 2025                     | 2025-07-26 | DAY",
      "26 July 2025                    | 2025-07-26 | DAY",
      "26 jul 2025                     | 2025-07-26 | DAY",
      "Saturday, July 26, 2025         | 2025-07-26 | DAY",
      "2025-07-26T10:00:00             | 2025-07-26 | DAY",
      "2025-07-26T10:00:00Z            | 2025-07-26 | DAY",
      "2025-07-26 23:30                | 2025-07-26 | DAY",
      "2025-07-26T23:30:00-05:00       | 2025-07-27 | DAY",
      "2025-07-27T06:15:00+08:00       | 2025-07-26 | DAY",
      "2025-07-27T06:15:00.123+0800    | 2025-07-26 | DAY",
      "2025-07-26T23:30:00-04:00[America/New_York] | 2025-07-27 | DAY",
      "Sat, 26 Jul 2025 10:00:00 GMT   | 2025-07-26 | DAY",
      "Sat, 26 Jul 2025 23:00:00 -0300 | 2025-07-27 | DAY",
      "1753524000                      | 2025-07-26 | DAY",
      "1753524000000                   | 2025-07-26 | DAY",
  })
  void readsTheFormsNewsArchivesUse(String text, String day, DatePrecision precision) {
    ArticleDate date = Dates.parse(text, "metadata").orElseThrow(() -> new AssertionError("not parsed: " + text));
    assertEquals(LocalDate.parse(day), date.day(), text);
    assertEquals(precision, date.precision(), text);
    assertEquals("metadata", date.basis());
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", "   ", "sometime soon", "2025-02-30", "2025-13", "31 June 2025", "Friday, July 26, 2025", "12/07/2025"})
  void rejectsWhatIsNotADate(String text) {
    assertTrue(Dates.parse(text, "metadata").isEmpty(), text);
  }

  @Test
  void parseIsoTakesOnlyIsoForms() {
    assertEquals(LocalDate.of(2025, 12, 1), Dates.parseIso("2025-12", "metadata").orElseThrow().day());
    assertTrue(Dates.parseIso("26 July 2025", "metadata").isEmpty());
  }
}
