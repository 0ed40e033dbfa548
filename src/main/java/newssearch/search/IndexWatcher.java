package newssearch.search;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the index folder while the server runs: when an indexing run (in this process or
 * another) publishes a new generation, the searcher switches to it. Polling the small pointer
 * file works on every file system, including those where change notification does not.
 */
public final class IndexWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexWatcher.class);

  private final ArticleSearcher searcher;
  private final ScheduledExecutorService timer;
  /** The generation last logged: live refreshes of the same one are too frequent to log. */
  private volatile String logged;

  private IndexWatcher(ArticleSearcher searcher) {
    this.searcher = searcher;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "index-watcher");
      t.setDaemon(true);
      return t;
    });
  }

  /** Checks the served generation every {@code interval} until closed. */
  public static IndexWatcher start(ArticleSearcher searcher, Duration interval) {
    IndexWatcher watcher = new IndexWatcher(searcher);
    watcher.logged = searcher.indexVersion();
    long ms = Math.max(1, interval.toMillis());
    watcher.timer.scheduleWithFixedDelay(watcher::check, ms, ms, TimeUnit.MILLISECONDS);
    return watcher;
  }

  /** Switches to a newly published generation; true if it did. Never throws: the old one stays served. */
  public boolean check() {
    try {
      if (searcher.refresh()) {
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
