package newssearch.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import org.apache.lucene.analysis.Analyzer;

/**
 * The snapshot searches read: one generation of an {@link IndexStore}, or the newest reader of a
 * {@link LiveIndex}. {@link #refresh} replaces it without disturbing searches under way, which
 * hold the snapshot they {@link #acquire acquired} until they release it; each new snapshot's
 * completions are built in the background.
 */
final class ServedSnapshots {
  private final IndexStore store;
  private final Analyzer analyzer;
  private final Executor background;
  private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
  /** The served generation open for live updates; null when only generations are followed. */
  private final LiveIndex live;
  /** Completions are built one at a time, for the newest snapshot: a refresh during a build asks for another. */
  private final AtomicBoolean completionsWanted = new AtomicBoolean();
  private final ReentrantLock buildingCompletions = new ReentrantLock();
  /** The title completions of each segment, kept across refreshes while the segment is served. */
  private final SegmentTitles.Cache titles = new SegmentTitles.Cache();

  private ServedSnapshots(IndexStore store, LiveIndex live, Analyzer analyzer, Executor background) {
    this.store = store;
    this.live = live;
    this.analyzer = analyzer;
    this.background = background;
  }

  /** Serves the current generation of {@code store}, which must exist. */
  static ServedSnapshots of(IndexStore store, Analyzer analyzer, Executor background) throws IOException {
    ServedSnapshots served = new ServedSnapshots(store, null, analyzer, background);
    Path generation = store.current().orElseThrow(() -> new IOException("no index in " + store.root()));
    served.current.set(IndexSnapshot.open(generation, analyzer, served.titles));
    served.warmCompletions();
    return served;
  }

  /** Serves the newest reader of {@code live}. */
  static ServedSnapshots of(LiveIndex live, IndexStore store, Analyzer analyzer, Executor background) throws IOException {
    ServedSnapshots served = new ServedSnapshots(store, live, analyzer, background);
    LiveIndex.Reader r = live.acquire();
    served.current.set(IndexSnapshot.adopt(r.generation(), r.reader(), analyzer, null, served.titles));
    served.warmCompletions();
    return served;
  }

  /**
   * Switches to the store's current generation if it changed, or with live updates to the newest
   * reader of the live index; true if it did.
   */
  public synchronized boolean refresh() throws IOException {
    if (live != null) {
      return refreshLive();
    }
    Optional<Path> generation = store.current();
    IndexSnapshot old = current.get();
    if (generation.isEmpty() || generation.get().equals(old.generation)) {
      return false;
    }
    IndexSnapshot next = IndexSnapshot.open(generation.get(), analyzer, titles);
    current.set(next);
    old.release();
    warmFacetState(next);
    warmCompletions();
    return true;
  }

  private boolean refreshLive() throws IOException {
    live.refresh();
    LiveIndex.Reader r = live.acquire();
    IndexSnapshot old = current.get();
    if (r.reader() == old.reader) {
      LiveIndex.release(r);
      return false;
    }
    // Facet state, spelling memory and the rest are per reader: the new snapshot builds its own.
    IndexSnapshot next = IndexSnapshot.adopt(r.generation(), r.reader(), analyzer, old, titles);
    current.set(next);
    old.release();
    warmFacetState(next);
    warmCompletions();
    return true;
  }

  /**
   * Builds the facet state of a snapshot just served, off the refresh path: its articles can be
   * looked up meanwhile, and a search that comes first builds it itself (or waits for this build).
   */
  private void warmFacetState(IndexSnapshot s) {
    if (!s.tryAcquire()) {
      return;
    }
    try {
      background.execute(() -> {
        try {
          s.facetState();
        } catch (IOException | RuntimeException e) {
          // The first search that needs it builds it again, and reports what goes wrong.
        } finally {
          s.release();
        }
      });
    } catch (RuntimeException e) {
      s.release(); // the executor is shut down: the server is stopping
    }
  }

  /**
   * Builds the served snapshot's completions in the background, so the first keystroke does not
   * wait. The suggester is the costly part of a refresh (every title again), so builds run one at
   * a time, for the newest snapshot only; meanwhile the previous snapshot's completions answer.
   */
  private void warmCompletions() {
    completionsWanted.set(true);
    background.execute(() -> {
      if (!buildingCompletions.tryLock()) {
        return; // the running build looks at completionsWanted again when it ends
      }
      try {
        while (completionsWanted.getAndSet(false)) {
          pauseBetweenCompletionBuilds();
          IndexSnapshot s = current.get();
          if (s == null || !s.tryAcquire()) {
            return;
          }
          try {
            s.completions();
          } catch (RuntimeException e) {
            // A failed build is logged by the snapshot, which then completes nothing.
          } finally {
            s.release();
          }
        }
      } finally {
        buildingCompletions.unlock();
      }
      if (completionsWanted.get()) {
        warmCompletions();
      }
    });
  }

  /**
   * Under a steady stream of updates a refresh comes every half second, and building the suggester
   * again each time would take a core: builds are at least this far apart, so completions lag the
   * searchable index by up to this long plus a build.
   */
  private static final long COMPLETIONS_MIN_INTERVAL_NANOS = 5_000_000_000L;
  private volatile long lastCompletionsBuild = System.nanoTime() - COMPLETIONS_MIN_INTERVAL_NANOS;

  private void pauseBetweenCompletionBuilds() {
    long wait = lastCompletionsBuild + COMPLETIONS_MIN_INTERVAL_NANOS - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lastCompletionsBuild = System.nanoTime();
  }

  /** The served snapshot, acquired: release it when done. */
  IndexSnapshot acquire() {
    while (true) {
      IndexSnapshot s = current.get();
      if (s == null) {
        throw new IllegalStateException("searcher is closed");
      }
      if (s.tryAcquire()) {
        return s;
      }
    }
  }

  public int documentCount() {
    IndexSnapshot s = acquire();
    try {
      return s.reader.numDocs();
    } finally {
      s.release();
    }
  }

  /** The name of the served generation: cite it to reproduce a result. */
  public String indexVersion() {
    return current.get().generation.getFileName().toString();
  }

  /** Stops serving: the snapshot is released once the searches that hold it end. */
  public void close() {
    IndexSnapshot s = current.getAndSet(null);
    if (s != null) {
      s.release();
    }
  }
}
