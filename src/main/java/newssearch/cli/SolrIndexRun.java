package newssearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import newssearch.index.IndexConfig;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.search.solr.SolrCollections;
import newssearch.search.solr.SolrIndexer;
import newssearch.search.solr.SolrNodes;

/**
 * {@code index --solr}: reads and enriches the corpus here, on all cores, sends it to a new
 * collection and moves the alias to it when complete.
 */
final class SolrIndexRun {
  private SolrIndexRun() {}

  static void run(IndexConfig config, List<Path> corpus, boolean folderTopics, boolean followLinks, SolrOptions solr,
      SolrCollections.Layout layout, PrintWriter out, PrintWriter err) throws Exception {
    long start = System.nanoTime();
    IngestReport report = new IngestReport(message -> {
      synchronized (err) {
        err.println("warning: " + message);
        err.flush();
      }
    });
    List<Article> articles = CorpusReader.standard(config.ingest(), folderTopics).followingLinks(followLinks)
        .read(corpus, report);
    if (articles.isEmpty()) {
      throw new Failures.UserError("nothing to index: no article could be read from " + corpus
          + "; collection '" + solr.collection + "' is unchanged");
    }
    try (SolrNodes nodes = solr.nodes()) {
      SolrIndexer indexer = new SolrIndexer(nodes, new SolrCollections(nodes, config.dir()), config.enricher());
      SolrIndexer.Result result;
      try {
        result = indexer.rebuild(solr.collection, layout, articles, done -> {});
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(e.getMessage());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "%-24s %12s%n", "files read", String.format(Locale.ROOT, "%,d", report.filesRead()));
      out.printf(Locale.ROOT, "%-24s %12s%n", "articles indexed", String.format(Locale.ROOT, "%,d", result.documents()));
      out.printf(Locale.ROOT, "%-24s %12s%n", "skipped", String.format(Locale.ROOT, "%,d", report.skippedTotal()));
      out.printf(Locale.ROOT, "%-24s %12s%n", "time", String.format(Locale.ROOT, "%.1f s", seconds));
      out.printf(Locale.ROOT, "%-24s %12s%n", "cpu time", String.format(Locale.ROOT, "%.1f s", IndexRun.cpuSeconds()));
      out.printf(Locale.ROOT, "collection: %s -> %s%s%n", solr.collection, result.collection(),
          result.replaced().map(old -> " (replaced " + old + ")").orElse(""));
      out.flush();
      result.notDeleted().ifPresent(why -> report.warn("the replaced collection " + result.replaced().orElseThrow()
          + " could not be deleted (" + why + "); searches use " + result.collection() + ", and the old one can be"
          + " deleted with Solr's collections API"));
      if (result.documents() != articles.size()) {
        throw new Failures.UserError("collection " + result.collection() + " holds " + result.documents()
            + " documents, not the " + articles.size() + " articles sent");
      }
    }
  }
}
