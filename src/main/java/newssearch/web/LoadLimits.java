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

  /**
   * Searches are CPU-bound: two per core keep the cores busy while one waits on the disk. A
   * queue of 16 per place absorbs a burst within about one search time budget.
   */
  public static LoadLimits forThisMachine() {
    int concurrent = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    return new LoadLimits(concurrent, 16 * concurrent, Duration.ofSeconds(2));
  }
}
