package newssearch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Indexing progress on one terminal line, redrawn at most a few times a second: articles done,
 * rate and time left. Quiet when output is not a terminal, so logs and pipes get only the summary.
 * Called from many threads at once.
 */
final class Progress implements IntConsumer {
  private static final long INTERVAL_NANOS = 250_000_000L;

  private final PrintWriter out;
  private final int total;
  private final LongSupplier clock;
  private final long start;
  private final AtomicLong lastDrawn;
  private volatile boolean drawn;

  Progress(PrintWriter out, int total, LongSupplier nanoClock) {
    this.out = out;
    this.total = total;
    this.clock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastDrawn = new AtomicLong(start);
  }

  /** Progress on {@code out} when the process runs on a terminal; otherwise nothing. */
  static IntConsumer onTerminal(PrintWriter out, int total) {
    return isTerminal() ? new Progress(out, total, System::nanoTime) : done -> {};
  }

  /**
   * True when the process talks to a terminal. {@code System.console()} is null when a stream is
   * redirected up to Java 21; from Java 22 it may exist anyway, and {@code isTerminal()} tells.
   */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }

  @Override
  public void accept(int done) {
    long now = clock.getAsLong();
    long last = lastDrawn.get();
    if (done == total || (now - last >= INTERVAL_NANOS && lastDrawn.compareAndSet(last, now))) {
      draw(done, now);
    }
  }

  /** Ends the progress line, if one was drawn, so that what follows starts on a fresh line. */
  void finish() {
    if (drawn) {
      synchronized (out) {
        out.println();
        out.flush();
      }
    }
  }

  static String line(int done, int total, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = rate > 0 ? formatSeconds((total - done) / rate) : "?";
    return String.format(Locale.ROOT, "indexing %,d/%,d articles  %,.0f/s  ETA %s", done, total, rate, eta);
  }

  private void draw(int done, long now) {
    String line = line(done, total, (now - start) / 1e9);
    synchronized (out) {
      out.print("\r" + line + "\033[K");
      out.flush();
      drawn = true;
    }
  }

  private static String formatSeconds(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
