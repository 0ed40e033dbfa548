package newssearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.ingest.SkipReason;

/** One indexing run: read the corpus, enrich, write and publish, then print a summary. */
final class IndexRun {
  private IndexRun() {}

  static IngestReport run(IndexConfig config, List<Path> corpus, IndexStore store, PrintWriter out, PrintWriter err)
      throws IOException {
    long start = System.nanoTime();
    IngestReport report = new IngestReport(message -> err.println("warning: " + message));
    List<Article> articles = CorpusReader.standard(config.ingest()).read(corpus, report);
    if (articles.isEmpty()) {
      throw new Failures.UserError("nothing to index: no article could be read from " + corpus
          + " (" + report.skippedTotal() + " skipped); the index in " + store.root() + " is unchanged");
    }
    new IndexBuilder(config.analysis().index(), config.enricher()).build(store, articles, done -> {});
    double seconds = (System.nanoTime() - start) / 1e9;
    printSummary(report, seconds, store, out);
    return report;
  }

  static void printSummary(IngestReport report, double seconds, IndexStore store, PrintWriter out) {
    out.printf(Locale.ROOT, "%-22s %,d%n", "files read", report.filesRead());
    out.printf(Locale.ROOT, "%-22s %,d%n", "articles indexed", report.articles());
    for (Map.Entry<SkipReason, Integer> e : report.skipped().entrySet()) {
      out.printf(Locale.ROOT, "%-22s %,d%n", "skipped: " + e.getKey().label(), e.getValue());
    }
    if (report.duplicates() > 0) {
      out.printf(Locale.ROOT, "%-22s %,d%n", "duplicate ids replaced", report.duplicates());
    }
    out.printf(Locale.ROOT, "%-22s %.1f s%n", "time", seconds);
    out.printf(Locale.ROOT, "%-22s %,.0f%n", "articles per second", report.articles() / Math.max(seconds, 1e-9));
    out.printf(Locale.ROOT, "%-22s %s%n", "index", store.root());
    out.flush();
  }
}
