package newssearch.web;

import java.time.Duration;

/**
 * How much API work the server takes on at once; see {@link LoadShedding}.
 *
 * @param concurrent API requests served at once
 * @param queued API requests that may wait for a place; more are refused
 * @param maxWait longest a request waits for a place before it is refused
 */
public record LoadLimits(int concurrent, int queued, Duration maxWait) {
  public LoadLimits {
    if (concurrent < 1 || queued < 0 || maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("load limits need concurrent >= 1, queued >= 0 and a positive wait");
    }
  }

  /** Longest wait for a place: past it, a client is better told to come back. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(1);
  /** Requests that may wait per place: a burst of them drains in tens of milliseconds. */
  public static final int QUEUED_PER_PLACE = 8;

  /** Searches are CPU-bound: two per core keep the cores busy while one waits on the disk. */
  public static LoadLimits forThisMachine() {
    int concurrent = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    return new LoadLimits(concurrent, QUEUED_PER_PLACE * concurrent, MAX_WAIT);
  }
}
