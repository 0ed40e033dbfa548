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
 * Finds the date of an undated article in its text. Only a dated report counts: an explicit full
 * date ("July 26, 2025", "26 July 2025", "Saturday, 26 July 2025") in the dateline position, that is
 * among the first few words of the title or of the opening sentence ("SHANGHAI, July 26, 2025 -",
 * "Published Saturday, 26 July 2025.", "On 1 March 2024 the firm said"). A date later in the
 * sentence or further down is usually about something else: a deadline, or a past event ("the
 * singer went missing ten years ago, on 1 February 1995" in a 2005 article), so such articles
 * stay undated rather than be dated wrongly.
 */
public final class TextDates {
  /** How far into the text the opening paragraph may reach. */
  static final int LEAD_CHARS = 600;
  /** How many words a dateline may put before its date: a place, "Published Saturday", "On". */
  static final int DATELINE_WORDS = 4;
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

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
      if (!inDateline(text.substring(0, m.start()))) {
        return Optional.empty();
      }
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

  /** True when {@code before}, the text before a date, is the opening of a dateline. */
  static boolean inDateline(String before) {
    String words = before.strip();
    if (SENTENCE_END.matcher(words).find()) {
      return false;
    }
    return words.isEmpty() || words.split("\\s+").length <= DATELINE_WORDS;
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
