package newssearch.bench;

import java.util.Arrays;

/** Durations in nanoseconds, and their percentiles by the nearest-rank method. */
final class Latencies {
  private long[] nanos = new long[64];
  private int count;

  void add(long duration) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = duration;
  }

  int count() {
    return count;
  }

  /** The {@code p}-th percentile (0 < p <= 100) in milliseconds; NaN when empty. */
  double percentileMs(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
  }

  double p50() {
    return percentileMs(50);
  }

  double p99() {
    return percentileMs(99);
  }
}
