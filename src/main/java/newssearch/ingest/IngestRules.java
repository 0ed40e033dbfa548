package newssearch.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import newssearch.config.Directive;
import newssearch.config.DirectiveFile;

/**
 * How raw files become articles, from {@code index-config/ingest.conf}: the lines that split a
 * newsletter digest into articles, the boilerplate lines dropped from every article, and the
 * size limits for one file and one record, and the range of plausible dates.
 *
 * @param digestSeparators a file with a line matching one of these is a digest; it is split at
 *     each such line and the line itself is dropped
 * @param dropLines lines matching one of these are removed from every article
 * @param maxFileBytes files larger than this are skipped
 * @param maxEntitiesPerRecord a record naming more entities keeps the first this many, with a warning
 * @param earliestYear dates before this year are implausible: the article is indexed as undated
 * @param latestYear dates after this year are implausible, likewise
 */
public record IngestRules(List<Pattern> digestSeparators, List<Pattern> dropLines, long maxFileBytes,
    int maxEntitiesPerRecord, int earliestYear, int latestYear) {

  public static final String FILE = "ingest.conf";
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_ENTITIES = 1000;
  public static final int DEFAULT_EARLIEST_YEAR = 1800;
  public static final int DEFAULT_LATEST_YEAR = 2200;

  public IngestRules {
    digestSeparators = List.copyOf(digestSeparators);
    dropLines = List.copyOf(dropLines);
  }

  /** Rules with the default record limit and date range. */
  public IngestRules(List<Pattern> digestSeparators, List<Pattern> dropLines, long maxFileBytes) {
    this(digestSeparators, dropLines, maxFileBytes, DEFAULT_MAX_ENTITIES, DEFAULT_EARLIEST_YEAR, DEFAULT_LATEST_YEAR);
  }

  /** True when a date in {@code year} is plausible for a news article. */
  public boolean plausibleYear(int year) {
    return year >= earliestYear && year <= latestYear;
  }

  public static IngestRules load(Path configDir) {
    List<Pattern> separators = new ArrayList<>();
    List<Pattern> drops = new ArrayList<>();
    long maxBytes = DEFAULT_MAX_FILE_BYTES;
    int maxEntities = DEFAULT_MAX_ENTITIES;
    int[] years = {DEFAULT_EARLIEST_YEAR, DEFAULT_LATEST_YEAR};
    for (Directive d : DirectiveFile.read(configDir.resolve(FILE))) {
      switch (d.key()) {
        case "digest-separator" -> separators.add(pattern(d));
        case "drop-line" -> drops.add(pattern(d));
        case "max-file-bytes" -> maxBytes = positive(d, d.longValue());
        case "max-entities-per-record" -> maxEntities = (int) positive(d, d.intValue());
        case "date-range" -> years = yearRange(d);
        default -> throw d.error("unknown directive '" + d.key()
            + "' (expected digest-separator, drop-line, max-file-bytes, max-entities-per-record or date-range)");
      }
    }
    return new IngestRules(separators, drops, maxBytes, maxEntities, years[0], years[1]);
  }

  private static long positive(Directive d, long value) {
    if (value <= 0) {
      throw d.error("'" + d.key() + "' needs a number above 0, not '" + d.value() + "'");
    }
    return value;
  }

  /** {@code date-range 1800 2200}: the first and last plausible year. */
  private static int[] yearRange(Directive d) {
    String[] parts = d.value().strip().split("\\s+");
    try {
      if (parts.length == 2) {
        int first = Integer.parseInt(parts[0]);
        int last = Integer.parseInt(parts[1]);
        if (first >= 1 && first <= last && last <= 9999) {
          return new int[] {first, last};
        }
      }
    } catch (NumberFormatException e) {
      // Reported below, with the line.
    }
    throw d.error("'date-range' needs two years, the first not after the second (e.g. 'date-range 1800 2200'), not '"
        + d.value() + "'");
  }

  public boolean isSeparator(String line) {
    return matchesAny(digestSeparators, line);
  }

  public boolean isDropped(String line) {
    return matchesAny(dropLines, line);
  }

  private static boolean matchesAny(List<Pattern> patterns, String line) {
    for (Pattern p : patterns) {
      if (p.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern pattern(Directive d) {
    if (d.value().isEmpty()) {
      throw d.error("'" + d.key() + "' needs a regular expression");
    }
    try {
      return Pattern.compile(d.value());
    } catch (PatternSyntaxException e) {
      throw d.error("bad regular expression: " + e.getDescription() + " near index " + e.getIndex());
    }
  }
}
