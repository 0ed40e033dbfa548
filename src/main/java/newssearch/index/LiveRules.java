package newssearch.index;

import java.nio.file.Files;
import java.nio.file.Path;
import newssearch.config.Directive;
import newssearch.config.DirectiveFile;

/**
 * How the served index takes live updates, from {@code index-config/live.conf} (optional: the
 * defaults apply without it).
 *
 * @param refreshIntervalMillis how often new updates become searchable
 * @param commitIntervalMillis how often they are committed to Lucene (the update log keeps them safe before)
 * @param maxPostBytes largest body of one {@code POST /api/articles}
 * @param maxPostRecords most records in one such request
 */
public record LiveRules(long refreshIntervalMillis, long commitIntervalMillis, long maxPostBytes, int maxPostRecords) {
  public static final String FILE = "live.conf";
  public static final LiveRules DEFAULT = new LiveRules(500, 10_000, 16L * 1024 * 1024, 10_000);

  public static LiveRules load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.exists(file)) {
      return DEFAULT;
    }
    long refresh = DEFAULT.refreshIntervalMillis;
    long commit = DEFAULT.commitIntervalMillis;
    long bytes = DEFAULT.maxPostBytes;
    int records = DEFAULT.maxPostRecords;
    for (Directive d : DirectiveFile.read(file)) {
      switch (d.key()) {
        case "refresh-interval-ms" -> refresh = within(d, d.longValue(), 10, 60_000);
        case "commit-interval-ms" -> commit = within(d, d.longValue(), 100, 3_600_000);
        case "max-post-bytes" -> bytes = within(d, d.longValue(), 1024, 1L << 30);
        case "max-post-records" -> records = (int) within(d, d.intValue(), 1, 1_000_000);
        default -> throw d.error("unknown directive '" + d.key()
            + "' (expected refresh-interval-ms, commit-interval-ms, max-post-bytes or max-post-records)");
      }
    }
    return new LiveRules(refresh, commit, bytes, records);
  }

  private static long within(Directive d, long value, long min, long max) {
    if (value < min || value > max) {
      throw d.error("'" + d.key() + "' must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }
}
