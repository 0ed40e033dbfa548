package newssearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import newssearch.enrich.Enricher;
import newssearch.ingest.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.ReaderManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served generation, open for writing: adds, replaces (same id) and deletes articles without a
 * rebuild. Each update goes to the {@link UpdateLog} (forced to disk) before the {@link IndexWriter},
 * so it is safe once {@link #apply} returns; it becomes searchable at the next {@link #refresh}, which
 * opens a near-real-time reader ({@link ReaderManager}) and now and then commits.
 *
 * <p>One live writer per index folder, across processes: Lucene's native lock on
 * {@code write.lock} in the index folder. A server holds it while it runs; {@code add} without a
 * server takes it for its run. A full rebuild writes a new generation beside the served one and
 * {@link #switchTo switches} to it once the updates that arrived meanwhile are applied to it too.
 */
public final class LiveIndex implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);
  public static final String LOCK = "write.lock";
  /** Longest id, source or entity name an update may carry: Lucene refuses terms past 32 KB. */
  public static final int MAX_KEYWORD_CHARS = 1000;

  /** Another process (a server, or {@code add}) writes to this index. */
  public static final class BusyException extends IOException {
    BusyException(Path root) {
      super("another process is writing to the index in " + root + " (a running server, or another 'add');"
          + " send articles to the server instead, or wait for it to end");
    }
  }

  /** A reader of the served generation, acquired: give it back with {@link #release}. */
  public record Reader(Path generation, DirectoryReader reader) {}

  /** What {@link #apply} did: for each update, whether an article with its id was there before. */
  public record Applied(List<Boolean> existed) {
    public int count(boolean before) {
      return (int) existed.stream().filter(b -> b == before).count();
    }
  }

  private final IndexStore store;
  private final Analyzer analyzer;
  private final LiveDocuments documents;
  private final LiveRules rules;
  private final FSDirectory rootDirectory;
  private final Lock rootLock;
  private final UpdateLog log;

  // The open generation; replaced as a whole by switchTo. Guarded by this.
  private OpenGeneration open;
  private boolean uncommitted;
  /** Runs commits, one at a time, off the refresh path. */
  private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "live-commit");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean committing = new AtomicBoolean();
  /** Told after each {@link #apply}, so a refresh can follow soon instead of at the next tick. */
  private volatile Runnable applied = () -> {};
  private long lastCommitNanos = System.nanoTime();
  /**
   * Whether each id applied since the last refresh started is present (added) or not (deleted):
   * with {@link #refreshing}, what {@link #apply} tells "replaced" from "indexed" by without
   * opening a reader of its own, which flushed a segment under this lock on every post and, run
   * beside the watcher's refresh, could make that one return the older reader. Guarded by this.
   */
  private Map<String, Boolean> pending = new HashMap<>();
  /** The same for the updates applied before the refresh under way started; empty between refreshes. Guarded by this. */
  private Map<String, Boolean> refreshing = Map.of();
  /** Ids {@link #pending} holds at most before an update refreshes the reader itself (a long run of {@code add}). */
  static final int MAX_PENDING = 100_000;
  /** One refresh at a time: each hands its ids from pending to refreshing and back. */
  private final java.util.concurrent.locks.ReentrantLock refreshLock = new java.util.concurrent.locks.ReentrantLock();

  private LiveIndex(IndexStore store, Analyzer textAnalyzer, Enricher enricher, LiveRules rules, FSDirectory rootDirectory,
      Lock rootLock, UpdateLog log) {
    this.store = store;
    this.analyzer = Schema.analyzer(textAnalyzer);
    this.rules = rules;
    this.rootDirectory = rootDirectory;
    this.rootLock = rootLock;
    this.log = log;
    this.documents = new LiveDocuments(enricher, rules.enrichThreads());
  }

  /**
   * Opens the served generation of {@code store} for writing and applies the logged updates its
   * last commit lacks (those a crash left uncommitted). Fails with {@link BusyException} when
   * another process writes to it.
   */
  public static LiveIndex open(IndexStore store, Analyzer textAnalyzer, Enricher enricher, LiveRules rules)
      throws IOException {
    Path generation = store.current().orElseThrow(() -> new IOException("no index in " + store.root()));
    FSDirectory rootDirectory = FSDirectory.open(store.root());
    Lock lock;
    try {
      lock = rootDirectory.obtainLock(LOCK);
    } catch (LockObtainFailedException e) {
      rootDirectory.close();
      throw new BusyException(store.root());
    }
    LiveIndex live = null;
    try {
      live = new LiveIndex(store, textAnalyzer, enricher, rules, rootDirectory, lock, UpdateLog.openForAppend(store.root()));
      live.open = live.openGeneration(generation);
      live.log.compactIfWorthIt();
      return live;
    } catch (IOException | RuntimeException e) {
      if (live != null) {
        live.log.close();
      }
      lock.close();
      rootDirectory.close();
      throw e;
    }
  }

  public LiveRules rules() {
    return rules;
  }

  /** Threads that enrich posted articles at most. */
  int enrichThreads() {
    return documents.threads();
  }

  /** Why {@code a} cannot be indexed, or null when it can. */
  public static String refusal(Article a) {
    return LiveDocuments.refusal(a);
  }

  /**
   * Logs {@code ops} (forced to disk), then applies them in order; safe when this returns,
   * searchable after the next {@link #refresh}. Articles are enriched before the lock is taken, so
   * concurrent callers enrich side by side.
   */
  public Applied apply(List<UpdateLog.Op> ops) throws IOException {
    Instant at = Instant.now();
    List<Document> docs = documents.enrich(ops, at);
    List<Boolean> existed = new ArrayList<>(ops.size());
    synchronized (this) {
      OpenGeneration o = open;
      if (pending.size() > MAX_PENDING) {
        // Under this lock no update comes between: the reader then has every one applied so far.
        o.readers().maybeRefreshBlocking();
        pending = new HashMap<>();
        refreshing = Map.of();
      }
      // The newest reader has every update applied before the last refresh started, perhaps a few
      // more; those after are in pending (newest), those of a refresh under way in refreshing.
      DirectoryReader reader = o.readers().acquire();
      try {
        IndexSearcher before = new IndexSearcher(reader);
        List<UpdateLog.Entry> entries = log.append(ops, at);
        for (int i = 0; i < entries.size(); i++) {
          UpdateLog.Entry e = entries.get(i);
          Boolean known = pending.get(e.id());
          if (known == null) {
            known = refreshing.get(e.id());
          }
          Term id = new Term(Schema.ID, e.id());
          existed.add(known != null ? known : before.count(new TermQuery(id)) > 0);
          if (e.isDelete()) {
            o.writer().deleteDocuments(id);
          } else {
            o.writer().updateDocument(id, docs.get(i));
          }
          pending.put(e.id(), !e.isDelete());
          o.appliedSeq()[0] = e.seq();
        }
        uncommitted = true;
      } finally {
        o.readers().release(reader);
      }
    }
    applied.run();
    return new Applied(existed);
  }

  /** Runs {@code listener} after each {@link #apply} (outside its lock); it must not block. */
  public void whenApplied(Runnable listener) {
    this.applied = listener;
  }

  /**
   * Follows a generation another process published, makes the updates applied so far searchable,
   * and, when the commit interval has passed, starts a commit in the background: a commit forces
   * files to disk, which under load takes long enough to delay the next refresh and every post.
   */
  public void refresh() throws IOException {
    followPublished();
    refreshLock.lock();
    try {
      ReaderManager readers;
      synchronized (this) {
        readers = open.readers();
        // The reader opened below has every update applied until now.
        refreshing = pending;
        pending = new HashMap<>();
      }
      boolean opened = false;
      try {
        readers.maybeRefreshBlocking();
        opened = true;
      } catch (AlreadyClosedException e) {
        // Switched to another generation meanwhile (which forgot these ids): the next refresh reads that one.
        opened = true;
      } finally {
        synchronized (this) {
          if (!opened) {
            // The reader is the older one still: its ids stay pending, behind the newer ones.
            Map<String, Boolean> merged = new HashMap<>(refreshing);
            merged.putAll(pending);
            pending = merged;
          }
          refreshing = Map.of();
        }
      }
    } finally {
      refreshLock.unlock();
    }
    boolean due;
    synchronized (this) {
      due = uncommitted && System.nanoTime() - lastCommitNanos >= rules.commitIntervalMillis() * 1_000_000;
    }
    if (due && committing.compareAndSet(false, true)) {
      committer.execute(() -> {
        try {
          commit();
          // Committed entries are replayed only by rebuilds, so this is a good time to shorten the log.
          log.compactIfWorthIt();
        } catch (IOException | RuntimeException e) {
          // Nothing is lost: the update log holds every update the last commit lacks.
          LOG.warn("commit or log compaction of the live index failed; the next one retries: {}", e.toString());
        } finally {
          committing.set(false);
        }
      });
    }
  }

  /**
   * Commits what was applied, recording the last log entry it includes. Updates go on meanwhile:
   * the commit may hold a few more than it records, which a replay applies again to the same effect.
   */
  public void commit() throws IOException {
    IndexWriter writer;
    synchronized (this) {
      writer = open.writer();
      open.commitData().put(UpdateLog.APPLIED_SEQ, Long.toString(open.appliedSeq()[0]));
      writer.setLiveCommitData(Map.copyOf(open.commitData()).entrySet());
      uncommitted = false;
      lastCommitNanos = System.nanoTime();
    }
    try {
      writer.commit();
    } catch (AlreadyClosedException e) {
      // Switched to another generation meanwhile, which was committed when it was opened.
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        uncommitted = true;
      }
      throw e;
    }
  }

  /** The newest reader of the served generation, acquired. */
  public synchronized Reader acquire() throws IOException {
    return new Reader(open.generation(), open.readers().acquire());
  }

  public static void release(Reader r) throws IOException {
    r.reader().decRef();
  }

  public synchronized Path generation() {
    return open.generation();
  }

  /**
   * Builds a new generation with {@code build} (which must not publish it nor take the build lock) while updates go on,
   * then applies the updates that arrived meanwhile to it, publishes it and serves it.
   */
  public Path rebuild(Callable<Path> build) throws Exception {
    // The store's build lock, from creating the generation to publishing it, as any build holds it.
    try (BuildLock lock = store.lock()) {
      Path generation = build.call();
      switchTo(generation, true);
      return generation;
    }
  }

  /** Switches to a generation that another process published, if there is one. */
  private void followPublished() throws IOException {
    var published = store.current();
    if (published.isPresent() && !published.get().equals(generation())) {
      LOG.info("following the index generation published by another run: {}", published.get().getFileName());
      switchTo(published.get(), false);
    }
  }

  /**
   * Opens {@code generation} for writing, applies the logged updates it lacks, commits, publishes
   * it when asked, and only then closes the one served before: until then, that stays served.
   */
  synchronized void switchTo(Path generation, boolean publish) throws IOException {
    OpenGeneration next = openGeneration(generation);
    if (publish) {
      try {
        store.publish(generation);
      } catch (IOException | RuntimeException e) {
        next.close(false);
        store.discard(generation);
        throw e;
      }
    }
    OpenGeneration previous = open;
    open = next;
    uncommitted = false;
    // The new generation's reader was opened after every update so far was applied to it.
    pending = new HashMap<>();
    refreshing = Map.of();
    previous.close(false);
  }

  private OpenGeneration openGeneration(Path generation) throws IOException {
    return OpenGeneration.open(generation, analyzer, documents, store.root());
  }

  @Override
  public void close() throws IOException {
    documents.close();
    committer.shutdown();
    try {
      committer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      closeOpen();
    }
  }

  private void closeOpen() throws IOException {
    try {
      if (uncommitted) {
        commit();
      }
      open.close(true);
    } finally {
      log.close();
      rootLock.close();
      rootDirectory.close();
    }
  }
}
