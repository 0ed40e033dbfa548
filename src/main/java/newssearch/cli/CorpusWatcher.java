package newssearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import newssearch.index.LiveIndex;
import newssearch.index.UpdateLog;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.ingest.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --watch}: applies new, changed and deleted corpus files to the served index. It
 * polls (lists the corpus and compares each file's size and modification time) rather than using
 * a {@link java.nio.file.WatchService}: that one does not watch sub-folders, drops events when they
 * overflow, and sees nothing on network and shared mounts; a listing a second costs a few
 * milliseconds for thousands of files and works everywhere. A changed file's articles replace its
 * old ones (same ids), and ids it no longer has are deleted, as are a deleted file's.
 */
final class CorpusWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private record Seen(long modified, long size, List<String> ids) {}

  private final LiveIndex live;
  private final CorpusReader reader;
  private final List<Path> roots;
  private final Consumer<String> warnings;
  private final Map<Path, Seen> seen = new HashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "corpus-watcher");
    t.setDaemon(true);
    return t;
  });

  /** Not yet scheduled: {@link #start} schedules; tests call {@link #scan} themselves. */
  CorpusWatcher(LiveIndex live, CorpusReader reader, List<Path> roots, Consumer<String> warnings) {
    this.live = live;
    this.reader = reader;
    this.roots = List.copyOf(roots);
    this.warnings = warnings;
  }

  /**
   * Starts watching {@code roots}. The first look only learns which file holds which articles
   * (they were just indexed); changes after it are applied.
   */
  static CorpusWatcher start(LiveIndex live, CorpusReader reader, List<Path> roots, Duration interval,
      Consumer<String> warnings) {
    CorpusWatcher w = new CorpusWatcher(live, reader, roots, warnings);
    w.timer.execute(() -> w.scan(false));
    w.timer.scheduleWithFixedDelay(() -> w.scan(true), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return w;
  }

  /** One look at the corpus; applies what changed when {@code apply}. Never throws: the next look tries again. */
  void scan(boolean apply) {
    try {
      IngestReport report = new IngestReport(warnings);
      // Deletes first: an article that moved to another file is deleted from the old and added from the new.
      List<UpdateLog.Op> ops = new ArrayList<>();
      List<UpdateLog.Op> adds = new ArrayList<>();
      Set<Path> present = new HashSet<>();
      // Remembered only once applied: a failed apply is tried again at the next look.
      Map<Path, Seen> changed = new HashMap<>();
      for (SourceFile file : reader.files(roots, new IngestReport())) {
        Path path = file.path();
        present.add(path);
        long modified;
        long size;
        try {
          modified = Files.getLastModifiedTime(path).toMillis();
          size = Files.size(path);
        } catch (IOException e) {
          continue; // deleted while listed: the next look sees it gone
        }
        Seen before = seen.get(path);
        if (before != null && before.modified == modified && before.size == size) {
          continue;
        }
        List<Article> articles = reader.readFile(file, report);
        List<String> ids = articles.stream().map(Article::id).toList();
        articles.forEach(a -> adds.add(UpdateLog.Op.add(a)));
        if (before != null) {
          before.ids.stream().filter(id -> !ids.contains(id)).forEach(id -> ops.add(UpdateLog.Op.delete(id)));
        }
        changed.put(path, new Seen(modified, size, ids));
      }
      List<Path> gone = seen.keySet().stream().filter(p -> !present.contains(p)).toList();
      gone.forEach(p -> seen.get(p).ids.forEach(id -> ops.add(UpdateLog.Op.delete(id))));
      ops.addAll(adds);
      if (apply && !ops.isEmpty()) {
        live.apply(ops);
        LOG.info("applied {} updates from changed corpus files", ops.size());
      }
      seen.putAll(changed);
      gone.forEach(seen::remove);
    } catch (IOException | RuntimeException e) {
      LOG.warn("watching the corpus: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
