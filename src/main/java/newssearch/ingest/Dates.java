package newssearch.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the dates corpora give, in the forms news archives use:
 *
 * <ul>
 *   <li>ISO dates {@code 2025-07-26}, months {@code 2025-07}, years {@code 2025}, and
 *       {@code 20250726};
 *   <li>ISO date-times {@code 2025-07-26T23:30:00-05:00}, {@code 2025-07-26 10:00Z},
 *       {@code 2025-07-26T10:00:00+0200}, with a zone id in brackets or none;
 *   <li>RFC 1123 as in RSS and HTTP, {@code Sat, 26 Jul 2025 10:00:00 GMT};
 *   <li>written dates {@code July 26, 2025}, {@code Jul 26 2025}, {@code 26 July 2025},
 *       {@code July 2025};
 *   <li>Unix time in seconds ({@code 1753524000}) or milliseconds ({@code 1753524000000}).
 * </ul>
 *
 * A time with a zone or offset is converted to its UTC day; a time without one keeps its day. The
 * precision is the form's: {@code 2025-07} is known to the month, {@code 2025} to the year.
 */
public final class Dates {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern DIGITS = Pattern.compile("\\d{8,14}");
  private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (?=\\d)");

  private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  private static final List<DateTimeFormatter> DAY_FORMS = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.BASIC_ISO_DATE,
      written("uuuu/M/d"),
      written("MMMM d, uuuu"),
      written("MMMM d uuuu"),
      written("MMM d, uuuu"),
      written("MMM d uuuu"),
      written("d MMMM uuuu"),
      written("d MMM uuuu"),
      written("d MMMM, uuuu"),
      written("EEEE, MMMM d, uuuu"),
      written("EEEE, d MMMM uuuu"));

  private static final List<DateTimeFormatter> MONTH_FORMS = List.of(
      written("uuuu-M"), written("MMMM uuuu"), written("MMM uuuu"), written("MMMM, uuuu"));

  private Dates() {}

  /** The date {@code text} states in any of the forms above; empty when it is none of them. */
  public static Optional<ArticleDate> parse(String text, String basis) {
    String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (YEAR.matcher(s).matches()) {
        return Optional.of(new ArticleDate(LocalDate.of(Integer.parseInt(s), 1, 1), DatePrecision.YEAR, basis));
      }
      if (DIGITS.matcher(s).matches() && s.length() != 8) {
        return Optional.of(new ArticleDate(epochDay(Long.parseLong(s)), DatePrecision.DAY, basis));
      }
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
    Optional<LocalDate> day = dayOf(s);
    if (day.isPresent()) {
      return Optional.of(new ArticleDate(day.get(), DatePrecision.DAY, basis));
    }
    for (DateTimeFormatter form : MONTH_FORMS) {
      Optional<YearMonth> month = tryParse(form, s, YearMonth::from);
      if (month.isPresent()) {
        return Optional.of(new ArticleDate(month.get().atDay(1), DatePrecision.MONTH, basis));
      }
    }
    return Optional.empty();
  }

  /**
   * The date {@code text} states, or null with a warning at {@code where} when it states none this
   * class reads (the article is then indexed as undated); null without a warning for null text.
   */
  public static ArticleDate parseOrWarn(String text, String basis, String where, IngestReport report) {
    if (text == null) {
      return null;
    }
    ArticleDate date = parse(text, basis).orElse(null);
    if (date == null) {
      report.warn(where + ": date '" + text + "' is not a date this reader knows; indexed as undated");
    }
    return date;
  }

  /**
   * Only the ISO forms {@code 2025-12-30}, {@code 2025-12} and {@code 2025}, as {@code .meta.json}
   * files of earlier versions wrote them.
   */
  public static Optional<ArticleDate> parseIso(String text, String basis) {
    String s = text == null ? "" : text.strip();
    boolean iso = s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
    return iso ? parse(s, basis) : Optional.empty();
  }

  private static Optional<LocalDate> dayOf(String s) {
    for (DateTimeFormatter form : DAY_FORMS) {
      Optional<LocalDate> day = tryParse(form, s, LocalDate::from);
      if (day.isPresent()) {
        return day;
      }
    }
    String iso = SPACE_BEFORE_TIME.matcher(s).replaceFirst("$1T");
    return tryParse(ISO_DATE_TIME, iso, Dates::utcDay)
        .or(() -> tryParse(DateTimeFormatter.RFC_1123_DATE_TIME, s, Dates::utcDay));
  }

  /** The UTC day of a parsed date-time; its own day when it has no zone or offset. */
  private static LocalDate utcDay(TemporalAccessor t) {
    ZoneId zone = t.query(TemporalQueries.zone());
    LocalDateTime local = LocalDateTime.from(t);
    return zone == null ? local.toLocalDate() : local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
  }

  /** Seconds since 1970, or milliseconds when the number is too large to be seconds of our era. */
  private static LocalDate epochDay(long value) {
    Instant instant = value >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static <T> Optional<T> tryParse(DateTimeFormatter form, String s, TemporalQuery<T> as) {
    try {
      return Optional.of(form.parse(s, as));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static DateTimeFormatter written(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
