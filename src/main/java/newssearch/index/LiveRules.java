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
 * @param enrichThreads threads that enrich posted articles: fewer than the cores, so that searches
 *     keep a core of their own while a stream of posts comes in
 */
public record LiveRules(long refreshIntervalMillis, long commitIntervalMillis, long maxPostBytes, int maxPostRecords,
    int enrichThreads) {
  public static final String FILE = "live.conf";
  public static final LiveRules DEFAULT = new LiveRules(250, 10_000, 16L * 1024 * 1024, 10_000, defaultEnrichThreads());

  /** Half the cores, at least one. */
  static int defaultEnrichThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  /** These rules with {@code commitIntervalMillis} instead. */
  public LiveRules withCommitInterval(long millis) {
    return new LiveRules(refreshIntervalMillis, millis, maxPostBytes, maxPostRecords, enrichThreads);
  }

  public static LiveRules load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.exists(file)) {
      return DEFAULT;
    }
    long refresh = DEFAULT.refreshIntervalMillis;
    long commit = DEFAULT.commitIntervalMillis;
    long bytes = DEFAULT.maxPostBytes;
    int records = DEFAULT.maxPostRecords;
    int threads = DEFAULT.enrichThreads;
    for (Directive d : DirectiveFile.read(file)) {
      switch (d.key()) {
        case "refresh-interval-ms" -> refresh = within(d, d.longValue(), 10, 60_000);
        case "commit-interval-ms" -> commit = within(d, d.longValue(), 100, 3_600_000);
        case "max-post-bytes" -> bytes = within(d, d.longValue(), 1024, 1L << 30);
        case "max-post-records" -> records = (int) within(d, d.intValue(), 1, 1_000_000);
        case "enrich-threads" -> threads = (int) within(d, d.intValue(), 1, 1024);
        default -> throw d.error("unknown directive '" + d.key()
            + "' (expected refresh-interval-ms, commit-interval-ms, max-post-bytes, max-post-records or enrich-threads)");
      }
    }
    return new LiveRules(refresh, commit, bytes, records, threads);
  }

  private static long within(Directive d, long value, long min, long max) {
    if (value < min || value > max) {
      throw d.error("'" + d.key() + "' must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }
}
