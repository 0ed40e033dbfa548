package newssearch.enrich;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newssearch.ingest.ArticleDate;
import newssearch.ingest.DatePrecision;

/**
 * Finds the date of an undated article in its text. Only a dated report counts: the first
 * explicit full date ("July 26, 2025", "26 July 2025", "Saturday, 26 July 2025") in the title or the
 * opening paragraph, where reports state when they were filed. A date further down is usually
 * about something else (a deadline, a past event), so such articles stay undated.
 */
public final class TextDates {
  /** How far into the text the opening paragraph may reach. */
  static final int LEAD_CHARS = 600;

  private static final String MONTH =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final Pattern FULL_DATE = Pattern.compile(
      "\\b(?:" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
          + "|(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4}))\\b");

  private TextDates() {}

  public static Optional<ArticleDate> find(String title, String text) {
    Optional<ArticleDate> inTitle = first(title);
    return inTitle.isPresent() ? inTitle : first(lead(text));
  }

  /** The first paragraph, at most {@link #LEAD_CHARS} long. */
  static String lead(String text) {
    int end = Math.min(text.length(), LEAD_CHARS);
    int paragraph = text.indexOf("\n\n");
    if (paragraph > 0 && paragraph < end) {
      end = paragraph;
    }
    return text.substring(0, end);
  }

  static Optional<ArticleDate> first(String text) {
    Matcher m = FULL_DATE.matcher(text);
    while (m.find()) {
      boolean monthFirst = m.group(1) != null;
      String month = monthFirst ? m.group(1) : m.group(5);
      String day = monthFirst ? m.group(2) : m.group(4);
      String year = monthFirst ? m.group(3) : m.group(6);
      Optional<ArticleDate> date = date(Integer.parseInt(year), month, Integer.parseInt(day));
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }

  private static Optional<ArticleDate> date(int year, String month, int day) {
    try {
      return Optional.of(new ArticleDate(LocalDate.of(year, month(month), day), DatePrecision.DAY, "text"));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Month month(String name) {
    String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
    for (Month m : Month.values()) {
      if (m.name().startsWith(prefix)) {
        return m;
      }
    }
    throw new DateTimeException("no month " + name);
  }
}
