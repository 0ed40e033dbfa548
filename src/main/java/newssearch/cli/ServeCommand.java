package newssearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.search.ArticleSearcher;
import newssearch.search.IndexWatcher;
import newssearch.web.AdminAccess;
import newssearch.web.Reindexer;
import newssearch.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code news-search serve}: serves the index, building it first from the bundled corpus when
 * there is none, or from {@code --corpus} paths when given.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the search page and JSON API. Builds the index first if there is none, or from --corpus when given.")
final class ServeCommand implements Callable<Integer> {
  @Mixin Locations locations;
  @Mixin SolrOptions solr;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "7070", description = "port to listen on, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--cors-origin", defaultValue = "*", split = ",",
      description = "origin whose pages may call the API, repeatable or comma-separated; * for any (default: ${DEFAULT-VALUE})")
  java.util.List<String> corsOrigins;

  @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:NEWS_SEARCH_ADMIN_TOKEN}",
      description = "let other machines call POST /api/admin/reindex with 'Authorization: Bearer TOKEN'"
          + " (default: $NEWS_SEARCH_ADMIN_TOKEN; without one, only this machine may)")
  String adminToken;

  /** How often the server looks for an index that another run published. */
  private static final Duration INDEX_CHECK = Duration.ofSeconds(1);

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    IndexConfig config = IndexConfig.load(locations.configDir());
    if (solr.given()) {
      return SolrServe.run(config, solr, host, port, corsOrigins, out);
    }
    IndexStore store = new IndexStore(locations.indexDir());
    if (locations.corpusGiven() || store.current().isEmpty()) {
      out.println("news-search: indexing " + locations.corpusPaths());
      out.flush();
      indexOrKeepServing(config, store, out, err);
    } else {
      rebuildIfOutdated(config, store, out, err);
    }
    // A reindex through the admin endpoint reads the corpus the served index came from.
    IndexRun.Rebuild source = locations.corpusGiven()
        ? new IndexRun.Rebuild(locations.corpusPaths(), locations.folderTopics)
        : IndexRun.recordedCorpus(store).orElse(new IndexRun.Rebuild(locations.corpusPaths(), locations.folderTopics));
    ArticleSearcher searcher = ArticleSearcher.open(store, config.analysis().query(), config.taxonomy());
    WebServer server;
    try {
      server = new WebServer(searcher, corsOrigins)
          .admin(new AdminAccess(adminToken),
              () -> reindexed(IndexRun.run(config, source.corpus(), source.folderTopics(), locations.followLinks, store, out, err)))
          .start(host, port);
    } catch (RuntimeException e) {
      searcher.close();
      Throwable cause = rootCause(e);
      if (cause instanceof java.net.BindException || cause instanceof java.nio.channels.UnresolvedAddressException) {
        throw new Failures.UserError("cannot listen on " + host + ":" + port + ": " + cause.getMessage());
      }
      throw e;
    }
    IndexWatcher watcher = IndexWatcher.start(searcher, INDEX_CHECK);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      watcher.close();
      server.stop();
      searcher.close();
      stopped.countDown();
    }));
    out.printf("news-search: serving %d articles at http://%s:%d/%n", searcher.documentCount(), urlHost(host), server.port());
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * Indexes the corpus; when that fails (a missing path, nothing readable, a full disk, another
   * run holding the index) and a usable index is there, warns and serves that one instead.
   */
  private void indexOrKeepServing(IndexConfig config, IndexStore store, PrintWriter out, PrintWriter err)
      throws IOException {
    try {
      IndexRun.run(config, locations.corpusPaths(), locations.folderTopics, locations.followLinks, store, out, err);
    } catch (IOException | RuntimeException e) {
      if (e instanceof newssearch.config.ConfigException || store.current().isEmpty()
          || IndexRun.rebuildNeeded(store).isPresent()) {
        throw e;
      }
      err.println("warning: indexing " + locations.corpusPaths() + " failed: " + e.getMessage()
          + "; serving the previous index in " + store.root());
      err.flush();
    }
  }

  private static Reindexer.Result reindexed(newssearch.ingest.IngestReport report) {
    return new Reindexer.Result(report.articles(), report.unreadableFolders().size());
  }

  private static String urlHost(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** An index written by another schema version is rebuilt from the corpus it records. */
  private static void rebuildIfOutdated(IndexConfig config, IndexStore store, PrintWriter out, PrintWriter err)
      throws IOException {
    Optional<IndexRun.Rebuild> rebuild = IndexRun.rebuildNeeded(store);
    if (rebuild.isEmpty()) {
      return;
    }
    if (rebuild.get().corpus().isEmpty()) {
      throw new Failures.UserError("the index in " + store.root() + " was built by another version of news-search"
          + " and does not say from which corpus; rebuild it with: bin/news-search index --corpus PATH --index " + store.root());
    }
    out.println("news-search: the index was built by another version of news-search; indexing "
        + rebuild.get().corpus() + " again");
    out.flush();
    IndexRun.run(config, rebuild.get().corpus(), rebuild.get().folderTopics(), store, out, err);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
