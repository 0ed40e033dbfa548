package newssearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.Schema;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.ingest.SkipReason;

/**
 * One indexing run: read the corpus, enrich, write and publish, then print a summary. Warnings go
 * to {@code err} as they happen; progress too, on a terminal. When no article can be read the run
 * fails with a message and the index that was there stays served.
 */
final class IndexRun {
  /** Commit data: the corpus paths an index was built from, one a line, and whether folders were topics. */
  static final String CORPUS = "corpus";
  static final String FOLDER_TOPICS = "folder_topics";

  /** The corpus to index again because the served index was built by another schema version. */
  record Rebuild(List<Path> corpus, boolean folderTopics) {}

  /**
   * Empty when the served index (if any) has this version's schema; else the corpus it was built
   * from, which is empty when the index does not say.
   */
  static Optional<Rebuild> rebuildNeeded(IndexStore store) throws IOException {
    if (store.current().isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> data = store.currentCommitData();
    if (Schema.VERSION.equals(data.get(IndexBuilder.SCHEMA_VERSION))) {
      return Optional.empty();
    }
    return Optional.of(recorded(data).orElse(new Rebuild(List.of(), false)));
  }

  /** The corpus the served index was built from, when it records one. */
  static Optional<Rebuild> recordedCorpus(IndexStore store) throws IOException {
    return recorded(store.currentCommitData());
  }

  private static Optional<Rebuild> recorded(Map<String, String> data) {
    String corpus = data.getOrDefault(CORPUS, "");
    if (corpus.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Rebuild(corpus.lines().map(Path::of).toList(), Boolean.parseBoolean(data.get(FOLDER_TOPICS))));
  }

  private static String joined(List<Path> corpus) {
    return String.join("\n", corpus.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
  }

  private IndexRun() {}

  static IngestReport run(IndexConfig config, List<Path> corpus, boolean folderTopics, IndexStore store,
      PrintWriter out, PrintWriter err) throws IOException {
    return run(config, corpus, folderTopics, false, store, out, err, Progress.isTerminal());
  }

  static IngestReport run(IndexConfig config, List<Path> corpus, boolean folderTopics, boolean followLinks,
      IndexStore store, PrintWriter out, PrintWriter err) throws IOException {
    return run(config, corpus, folderTopics, followLinks, store, out, err, Progress.isTerminal());
  }

  static IngestReport run(IndexConfig config, List<Path> corpus, boolean folderTopics, IndexStore store,
      PrintWriter out, PrintWriter err, boolean showProgress) throws IOException {
    return run(config, corpus, folderTopics, false, store, out, err, showProgress);
  }

  /**
   * The run. A folder that cannot be read is skipped and the index is still published, without
   * its articles: the summary's "unreadable folders" row and a closing message say so (as does
   * the admin reindex's answer), so that no index silently lacks a folder.
   */
  static IngestReport run(IndexConfig config, List<Path> corpus, boolean folderTopics, boolean followLinks,
      IndexStore store, PrintWriter out, PrintWriter err, boolean showProgress) throws IOException {
    CorpusReader reader = CorpusReader.standard(config.ingest(), folderTopics).followingLinks(followLinks);
    return run(config, reader, corpus, folderTopics, store, out, err, showProgress, null);
  }

  static IngestReport run(IndexConfig config, CorpusReader reader, List<Path> corpus, boolean folderTopics,
      IndexStore store, PrintWriter out, PrintWriter err, boolean showProgress) throws IOException {
    return run(config, reader, corpus, folderTopics, store, out, err, showProgress, null);
  }

  /**
   * One run; with {@code live} (the served generation open for updates) the new generation is
   * switched to by {@code live}, which first applies the updates that arrived while this ran.
   */
  static IngestReport run(IndexConfig config, CorpusReader reader, List<Path> corpus, boolean folderTopics,
      IndexStore store, PrintWriter out, PrintWriter err, boolean showProgress, LiveIndex live) throws IOException {
    // Fail at once, before reading the corpus, when another run holds the index folder; the
    // build takes the lock again for its whole length.
    try (var probe = store.lock()) {
      // Free now.
    }
    long start = System.nanoTime();
    IngestReport report = new IngestReport(message -> {
      synchronized (err) {
        err.println("warning: " + message);
        err.flush();
      }
    });
    List<Article> articles = reader.read(corpus, report);
    double readSeconds = (System.nanoTime() - start) / 1e9;
    if (articles.isEmpty()) {
      throw new Failures.UserError("nothing to index: no article could be read from " + corpus
          + " (" + report.filesRead() + " files read, " + report.skippedTotal() + " skipped); the index in "
          + store.root() + " is unchanged");
    }
    Progress progress = showProgress ? new Progress(err, articles.size(), System::nanoTime) : null;
    IntConsumer onProgress = progress == null ? done -> {} : progress;
    try {
      IndexBuilder builder = new IndexBuilder(config.analysis().index(), config.enricher(), report::refusedByIndex);
      Map<String, String> about = Map.of(CORPUS, joined(corpus), FOLDER_TOPICS, Boolean.toString(folderTopics));
      if (live == null) {
        builder.build(store, articles, onProgress, about);
      } else {
        live.rebuild(() -> builder.buildUnpublished(store, articles, onProgress, about));
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    } finally {
      if (progress != null) {
        progress.finish();
      }
    }
    printSummary(report, readSeconds, (System.nanoTime() - start) / 1e9, store, out);
    List<String> lost = report.unreadableFolders();
    if (!lost.isEmpty()) {
      synchronized (err) {
        err.println("warning: the index was published WITHOUT " + lost.size() + " folder(s) that could not be read: "
            + String.join(", ", lost) + "; make them readable and index again");
        err.flush();
      }
    }
    return report;
  }

  static void printSummary(IngestReport report, double readSeconds, double seconds, IndexStore store, PrintWriter out) {
    row(out, "files read", String.format(Locale.ROOT, "%,d", report.filesRead()));
    row(out, "articles indexed", String.format(Locale.ROOT, "%,d", report.articles()));
    row(out, "skipped", String.format(Locale.ROOT, "%,d", report.skippedTotal()));
    for (Map.Entry<SkipReason, Integer> e : report.skipped().entrySet()) {
      row(out, "  " + e.getKey().label(), String.format(Locale.ROOT, "%,d", e.getValue()));
    }
    row(out, "duplicate ids replaced", String.format(Locale.ROOT, "%,d", report.duplicates()));
    row(out, "unreadable folders", String.format(Locale.ROOT, "%,d", report.unreadableFolders().size()));
    if (report.linksNotFollowed() > 0) {
      row(out, "links not followed", String.format(Locale.ROOT, "%,d", report.linksNotFollowed()));
    }
    if (report.decodedAsWindows1252() > 0) {
      row(out, "read as Windows-1252", String.format(Locale.ROOT, "%,d", report.decodedAsWindows1252()));
    }
    row(out, "time", String.format(Locale.ROOT, "%.1f s", seconds));
    row(out, "cpu time", String.format(Locale.ROOT, "%.1f s", cpuSeconds()));
    row(out, "  reading", String.format(Locale.ROOT, "%.1f s", readSeconds));
    row(out, "  enriching, indexing", String.format(Locale.ROOT, "%.1f s", seconds - readSeconds));
    double indexingSeconds = seconds - readSeconds;
    if (rateIsMeaningful(report.articles(), indexingSeconds)) {
      row(out, "articles per second", String.format(Locale.ROOT, "%,.0f", report.articles() / indexingSeconds));
    }
    out.printf(Locale.ROOT, "index: %s%n", store.root());
    out.flush();
  }

  /**
   * CPU time of this process so far, all threads: with several threads it exceeds the wall time.
   * The JVM's start and compilation count too, as they do for anyone who runs the command.
   */
  static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /**
   * A rate needs enough work to be one: a small run's time is mostly fixed costs (loading models,
   * the final merge and commit), so "3 articles per second" for twelve articles says nothing.
   */
  static boolean rateIsMeaningful(int articles, double indexingSeconds) {
    return articles >= RATE_MIN_ARTICLES && indexingSeconds >= 1;
  }

  static final int RATE_MIN_ARTICLES = 1_000;

  private static void row(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "%-24s %12s%n", label, value);
  }
}
