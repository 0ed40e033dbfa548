package newssearch.search;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the index folder while the server runs: when an indexing run (in this process or
 * another) publishes a new generation, the searcher switches to it. Polling the small pointer
 * file works on every file system, including those where change notification does not.
 *
 * <p>Live updates {@link #nudge} it: the refresh that makes them searchable then starts as soon as
 * the interval since the last refresh allows, instead of at the next tick. A stream of updates thus
 * waits at most one interval plus one refresh, and a lone update about one refresh; checks still
 * never run more than one at a time. The interval is counted from the last check that made
 * something new searchable, not from the last tick: a tick that found nothing costs next to
 * nothing, and counting it made an update wait for up to a whole interval (half of one on average)
 * after an idle tick, which was most of the time from a post's answer to its articles being found.
 */
public final class IndexWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexWatcher.class);

  private final ArticleSearcher searcher;
  private final ScheduledExecutorService timer;
  private final long intervalNanos;
  /** A nudged check is scheduled and has not started yet. */
  private final AtomicBoolean nudged = new AtomicBoolean();
  /**
   * When the last check that switched to a newer snapshot started; the served snapshot is fresh at
   * start, so a first nudge runs at once.
   */
  private volatile long lastRefreshNanos;
  /** The generation last logged: live refreshes of the same one are too frequent to log. */
  private volatile String logged;

  private IndexWatcher(ArticleSearcher searcher, Duration interval) {
    this.searcher = searcher;
    this.intervalNanos = Math.max(1, interval.toMillis()) * 1_000_000;
    this.lastRefreshNanos = System.nanoTime() - intervalNanos;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "index-watcher");
      t.setDaemon(true);
      return t;
    });
  }

  /** Checks the served generation every {@code interval} until closed. */
  public static IndexWatcher start(ArticleSearcher searcher, Duration interval) {
    IndexWatcher watcher = new IndexWatcher(searcher, interval);
    watcher.logged = searcher.indexVersion();
    long ms = Math.max(1, interval.toMillis());
    watcher.timer.scheduleWithFixedDelay(watcher::tick, ms, ms, TimeUnit.MILLISECONDS);
    return watcher;
  }

  /**
   * The periodic check, for generations published by other runs and updates nobody nudged for;
   * skipped while a refresh is younger than the interval, so that ticks and nudges together still
   * refresh at most about once per interval.
   */
  private void tick() {
    if (System.nanoTime() - lastRefreshNanos >= intervalNanos) {
      check();
    }
  }

  /**
   * Asks for a check as soon as the interval since the last refresh has passed (at once if it has),
   * without waiting for the next tick. Cheap and never blocks: nudges before that check starts
   * share it.
   */
  public void nudge() {
    if (!nudged.compareAndSet(false, true)) {
      return;
    }
    scheduleNudged();
  }

  /**
   * Runs the nudged check once the interval since the last refresh has passed. Looked at again
   * when it is due: a check running when the nudge came may have refreshed meanwhile.
   */
  private void scheduleNudged() {
    long wait = Math.max(0, intervalNanos - (System.nanoTime() - lastRefreshNanos));
    try {
      timer.schedule(() -> {
        if (System.nanoTime() - lastRefreshNanos < intervalNanos) {
          scheduleNudged();
          return;
        }
        nudged.set(false);
        check();
      }, wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      nudged.set(false); // closed: the server is stopping
    }
  }

  /** Switches to a newly published generation; true if it did. Never throws: the old one stays served. */
  public boolean check() {
    long start = System.nanoTime();
    try {
      if (searcher.refresh()) {
        lastRefreshNanos = start;
        String version = searcher.indexVersion();
        if (!version.equals(logged)) {
          LOG.info("now serving index {} ({} articles)", version, searcher.documentCount());
          logged = version;
        }
        return true;
      }
    } catch (IOException | RuntimeException e) {
      // A generation removed or replaced between reading the pointer and opening it: the next
      // check finds the one that replaced it.
      LOG.warn("cannot switch to the new index yet: {}", e.toString());
    }
    return false;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
