package newssearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.LiveRules;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.PostedArticles;
import newssearch.search.SearchLimits;
import newssearch.search.ArticleSearcher;
import newssearch.search.SearchLimits;
import newssearch.search.IndexWatcher;
import newssearch.web.AdminAccess;
import newssearch.web.LoadLimits;
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

  @Option(names = "--watch",
      description = "apply new, changed and deleted files of the --corpus folders to the served index within seconds")
  boolean watch;

  @Option(names = "--max-concurrent", paramLabel = "N",
      description = "API requests served at once; more wait, and past --max-queued get a 503 with Retry-After"
          + " (default: twice the cores, at least 2)")
  Integer maxConcurrent;

  @Option(names = "--max-queued", paramLabel = "N",
      description = "API requests that may wait for a place, at most 1 s (default: 8 per concurrent place)")
  Integer maxQueued;

  /** How often the server looks for an index that another run published. */
  private static final Duration INDEX_CHECK = Duration.ofSeconds(1);

  /** The load limits the options ask for, checked before anything is indexed. */
  private LoadLimits loadLimits() {
    LoadLimits defaults = LoadLimits.forThisMachine();
    int concurrent = maxConcurrent == null ? defaults.concurrent() : maxConcurrent;
    int queued = maxQueued == null ? (maxConcurrent == null ? defaults.queued() : LoadLimits.QUEUED_PER_PLACE * concurrent) : maxQueued;
    if (concurrent < 1 || queued < 0) {
      throw new Failures.UserError("--max-concurrent must be at least 1 and --max-queued at least 0");
    }
    return new LoadLimits(concurrent, queued, defaults.maxWait());
  }

  @Override
  public Integer call() throws Exception {
    loadLimits();
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    IndexConfig config = IndexConfig.load(locations.configDir());
    if (solr.given()) {
      return SolrServe.run(config, solr, host, port, corsOrigins, loadLimits(), out);
    }
    LiveRules liveRules = LiveRules.load(locations.configDir());
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
    LiveIndex live = openLive(store, config, liveRules);
    ArticleSearcher searcher = ArticleSearcher.open(live, store, config.analysis().query(), config.taxonomy(),
        SearchLimits.DEFAULT, config.matching());
    WebServer server;
    try {
      server = new WebServer(searcher, corsOrigins)
          .loadLimits(loadLimits())
          .admin(new AdminAccess(adminToken),
              () -> reindexed(IndexRun.run(config,
                  CorpusReader.standard(config.ingest(), source.folderTopics()).followingLinks(locations.followLinks),
                  source.corpus(), source.folderTopics(), store, out, err, Progress.isTerminal(), live)))
          .live(live, new PostedArticles(config.ingest()))
          .start(host, port);
    } catch (RuntimeException e) {
      searcher.close();
      live.close();
      Throwable cause = rootCause(e);
      if (cause instanceof java.net.BindException || cause instanceof java.nio.channels.UnresolvedAddressException) {
        throw new Failures.UserError("cannot listen on " + host + ":" + port + ": " + cause.getMessage());
      }
      throw e;
    }
    // Refreshing makes live updates searchable, and follows generations other runs publish.
    IndexWatcher watcher = IndexWatcher.start(searcher, Duration.ofMillis(liveRules.refreshIntervalMillis()));
    live.whenApplied(watcher::nudge);
    CorpusWatcher corpusWatcher = watch
        ? CorpusWatcher.start(live, CorpusReader.standard(config.ingest(), locations.folderTopics).followingLinks(locations.followLinks),
            locations.corpusPaths(),
            CorpusWatcher.INTERVAL, message -> {
              synchronized (err) {
                err.println("warning: " + message);
                err.flush();
              }
            })
        : null;
    String url = "http://" + urlHost(advertisedHost(host)) + ":" + server.port() + "/";
    ServerAddress.write(store.root(), url);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ServerAddress.remove(store.root(), url);
      if (corpusWatcher != null) {
        corpusWatcher.close();
      }
      watcher.close();
      server.stop();
      searcher.close();
      try {
        live.close();
      } catch (IOException e) {
        // The update log holds what was not committed; the next start applies it.
      }
      stopped.countDown();
    }));
    out.printf("news-search: serving %d articles at %s%n", searcher.documentCount(), url);
    out.flush();
    stopped.await();
    return 0;
  }

  /** The served generation open for updates; a clear error when another process writes to it. */
  private static LiveIndex openLive(IndexStore store, IndexConfig config, LiveRules rules) throws IOException {
    try {
      return LiveIndex.open(store, config.analysis().index(), config.enricher(), rules);
    } catch (LiveIndex.BusyException e) {
      throw new Failures.UserError("cannot serve: " + e.getMessage()
          + ServerAddress.read(store.root()).map(u -> " (a server advertises " + u + ")").orElse(""));
    }
  }

  /** A server listening on every address is reached, and admits updates, on the loopback one. */
  private static String advertisedHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
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
