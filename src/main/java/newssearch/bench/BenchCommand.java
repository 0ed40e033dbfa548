package newssearch.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.search.ArticleSearcher;
import newssearch.search.SearchLimits;
import newssearch.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code news-search bench}: indexing, in-process search, HTTP, memory and start-up, each beside
 * a baseline measured in the same run, on the seed corpus, the corpora given and a scaled corpus.
 * Prints the results as Markdown and writes them to {@code --out}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure indexing and search speed against bare Lucene, HTTP throughput, memory and start time; "
        + "print the results and write them as Markdown.")
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "PATH",
      description = "a corpus to measure besides the bundled seed corpus (file or folder); repeatable")
  List<Path> corpora = new ArrayList<>();

  @Option(names = "--scaled", paramLabel = "N", defaultValue = "0",
      description = "also measure a corpus of N articles recombined from the last --corpus (0: none; default: ${DEFAULT-VALUE})")
  int scaled;

  @Option(names = "--write-scaled", paramLabel = "DIR",
      description = "write the --scaled corpus into DIR as JSON Lines files and stop, for indexing it with other commands or engines")
  Path writeScaled;

  @Option(names = "--scaled-seed", paramLabel = "SEED", defaultValue = "" + ScaledCorpus.DEFAULT_SEED,
      description = "seed of the scaled corpus's recombination (default: ${DEFAULT-VALUE})")
  long scaledSeed;

  @Option(names = "--queries", paramLabel = "FILE", description = "query list (default: <home>/bench/queries.txt)")
  Path queries;

  @Option(names = "--out", paramLabel = "FILE", description = "Markdown results (default: <home>/bench/RESULTS.md)")
  Path out;

  @Option(names = "--config", paramLabel = "DIR", description = "index-config folder (default: <home>/index-config)")
  Path config;

  @Option(names = "--work", paramLabel = "DIR", description = "scratch folder for indexes, emptied as it goes (default: <home>/target/bench)")
  Path work;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "20", description = "measured rounds of the query list in process (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "warm-up rounds before measuring (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--http-seconds", paramLabel = "S", defaultValue = "10", description = "wrk run per endpoint, seconds (default: ${DEFAULT-VALUE})")
  int httpSeconds;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "16", description = "wrk connections (default: ${DEFAULT-VALUE})")
  int connections;

  @Option(names = "--feed-seconds", paramLabel = "S", defaultValue = "20",
      description = "live updates under load: wrk runs the query list this long, alone and then while the corpus is posted "
          + "to POST /api/articles in batches of " + FeedBench.BATCH + " (0: skip; default: ${DEFAULT-VALUE})")
  int feedSeconds;

  // 180 s: on 2 cores the JIT compiles for about two and a half minutes of mixed searching and
  // posting (0.35-0.55 of a core for the first 100 s); after a 60 s warm-up it still took a fifth
  // of a core during the measured runs (bench/RESULTS.md, "What 500 articles a second would take").
  @Option(names = "--feed-warmup", paramLabel = "S", defaultValue = "180",
      description = "before the live-update figures, post the corpus this long under wrk, unmeasured, so that they are a "
          + "fed server's rather than a cold one's (0: none; default: ${DEFAULT-VALUE})")
  int feedWarmupSeconds;

  @Option(names = "--server-heap", paramLabel = "SIZE", defaultValue = "1g", description = "-Xmx of the served child JVM (default: ${DEFAULT-VALUE})")
  String serverHeap;

  @Option(names = "--solr", paramLabel = "URLS",
      description = "also run the query list against `serve --solr URLS --collection NAME`, side by side with `serve` over "
          + "the index of the last --corpus (the bundled corpus without one), which the collection should hold too; "
          + "then each kind of query of the list on its own, both engines for each kind")
  String solr;

  @Option(names = "--collection", paramLabel = "NAME", defaultValue = "news",
      description = "the SolrCloud collection or alias of --solr (default: ${DEFAULT-VALUE})")
  String collection;

  @Option(names = "--no-http", description = "skip the HTTP load test")
  boolean noHttp;

  @Option(names = "--no-server-process", description = "skip the child JVM (memory, start and index command times)")
  boolean noServerProcess;

  /** One corpus to measure: how to read it, and its folder when the index command can read it too. */
  private record CorpusSpec(String name, String description, Supplier<List<Article>> read, Path files) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter log = spec.commandLine().getErr();
    Path home = home();
    IndexConfig indexConfig = IndexConfig.load(config != null ? config : home.resolve("index-config"));
    List<BenchQuery> list = readQueries(queries != null ? queries : home.resolve("bench").resolve("queries.txt"));
    Path workDir = (work != null ? work : home.resolve("target").resolve("bench")).toAbsolutePath();
    Path outFile = out != null ? out : home.resolve("bench").resolve("RESULTS.md");
    List<CorpusSpec> specs = corpusSpecs(home, indexConfig);
    if (writeScaled != null) {
      return writeScaled(specs, log);
    }

    Report report = new Report(Machine.describe(), commandLine(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        Machine.loadAverage());
    report.note("The machine may be shared: figures vary from run to run; the load average is given with each measurement.");
    Optional<Wrk> wrk = noHttp ? Optional.empty() : Wrk.find(2, connections);
    report.httpSetup(wrk.isPresent()
        ? "`wrk -t2 -c" + connections + " -d" + httpSeconds + "s --latency` against the server started in this JVM on a loopback "
            + "port, after an unmeasured warm-up run of each: /api/search takes the query list in turn, /api/health is the baseline. wrk and the server share the machine's cores."
        : noHttp ? "Skipped (--no-http)." : "Not measured: wrk is not installed (Debian package `wrk`).");

    IndexingBench indexing = new IndexingBench(indexConfig);
    recreate(workDir);
    for (CorpusSpec c : specs) {
      if (c.files() != null) {
        warmUpIndexing(indexing, c, workDir.resolve("warmup"), log);
      }
    }
    // The side by side with Solr runs on the last folder given (the bundled corpus without one).
    CorpusSpec beside = solr == null ? null
        : specs.stream().filter(c -> c.files() != null).reduce((a, b) -> b).orElse(null);
    for (CorpusSpec c : specs) {
      report.add(measure(c, indexConfig, indexing, list, wrk, workDir.resolve(c.name()), home, log, c == beside));
    }
    report.finished(Machine.loadAverage());
    deleteTree(workDir);

    String markdown = report.markdown();
    Files.createDirectories(outFile.toAbsolutePath().getParent());
    Files.writeString(outFile, markdown, StandardCharsets.UTF_8);
    spec.commandLine().getOut().print(markdown);
    spec.commandLine().getOut().flush();
    log.println("bench: results written to " + outFile);
    log.flush();
    return 0;
  }

  private Report.CorpusRun measure(CorpusSpec c, IndexConfig indexConfig, IndexingBench indexing, List<BenchQuery> list,
      Optional<Wrk> wrk, Path dir, Path home, PrintWriter log, boolean besideSolr) throws Exception {
    Report.CorpusRun run = new Report.CorpusRun(c.name(), c.description());
    recreate(dir);
    IndexStore store = new IndexStore(dir.resolve("ours"));
    progress(log, c.name() + ": indexing");
    run.indexingLoad = Machine.loadAverage();
    run.indexing = indexing.run(c.read(), store, dir.resolve("bare"));
    deleteTree(dir.resolve("bare"));
    Path generation = store.current().orElseThrow();
    try (ArticleSearcher searcher = ArticleSearcher.open(store, indexConfig.analysis().query(), indexConfig.taxonomy(),
        SearchLimits.DEFAULT, indexConfig.matching())) {
      progress(log, c.name() + ": searching in process");
      run.searchLoad = Machine.loadAverage();
      run.search = new SearchBench(searcher, indexConfig.analysis().query()).run(generation, list, warmup, rounds);
      if (wrk.isPresent()) {
        progress(log, c.name() + ": HTTP load with wrk");
        loadOverHttp(run, searcher, wrk.get(), list, dir);
      } else {
        run.httpNote = noHttp ? "--no-http" : "wrk not installed";
      }
    }
    if (noServerProcess) {
      run.serverNote = "--no-server-process";
    } else {
      progress(log, c.name() + ": child JVM start, memory" + (c.files() != null ? " and index command" : ""));
      ServerProcess child = new ServerProcess(home, indexConfig.dir(), serverHeap);
      List<String> paths = list.stream().map(BenchQuery::httpPath).toList();
      run.server = child.serve(store.root(), paths, 3, dir.resolve("serve.log"));
      if (c.files() != null && !c.name().equals("seed")) {
        feed(run, c, child, wrk, list, dir, log);
      }
      if (c.files() != null) {
        run.indexCommandSeconds = child.timeIndexCommand(c.files(), dir.resolve("index-command"), dir.resolve("index.log"));
      }
    }
    if (besideSolr) {
      sideBySideWithSolr(run, c, new ServerProcess(home, indexConfig.dir(), serverHeap), store, wrk, list, dir, log);
    }
    deleteTree(dir);
    return run;
  }

  /** The query list against this corpus's index and the Solr collection, in turn, in child servers. */
  private void sideBySideWithSolr(Report.CorpusRun run, CorpusSpec c, ServerProcess child, IndexStore store, Optional<Wrk> wrk,
      List<BenchQuery> list, Path dir, PrintWriter log) throws IOException, InterruptedException {
    if (wrk.isEmpty()) {
      run.solrNote = "wrk not installed";
      return;
    }
    progress(log, c.name() + ": side by side with Solr collection " + collection + " at " + solr);
    run.solr = SolrSideBySide.run(child, store.root(), solr, collection, wrk.get(), list, httpSeconds, 2, dir);
  }

  /** Live updates while searches run, on a child server of the index built above (which the posts then grow). */
  private void feed(Report.CorpusRun run, CorpusSpec c, ServerProcess child, Optional<Wrk> wrk, List<BenchQuery> list,
      Path dir, PrintWriter log) throws IOException, InterruptedException {
    if (wrk.isEmpty() || feedSeconds <= 0) {
      run.feedNote = wrk.isEmpty() ? "wrk not installed" : "--feed-seconds 0";
      return;
    }
    progress(log, c.name() + ": live updates under search load");
    run.feedLoad = Machine.loadAverage();
    try (ServerProcess.Running server = child.start(dir.resolve("ours"), dir.resolve("feed.log"))) {
      List<String> paths = list.stream().map(BenchQuery::httpPath).toList();
      run.feed = new FeedBench().run(server.base(), c.read().get(), wrk.get(), paths, feedSeconds, feedWarmupSeconds,
          server::cpuNanos, dir);
    }
    run.feedLoad += " → " + Machine.loadAverage();
  }

  private void loadOverHttp(Report.CorpusRun run, ArticleSearcher searcher, Wrk wrk, List<BenchQuery> list, Path dir)
      throws IOException, InterruptedException {
    WebServer server = new WebServer(searcher).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + server.port();
      List<String> searches = list.stream().map(BenchQuery::httpPath).toList();
      // Unmeasured first runs, so that the HTTP and JSON code is compiled before it is timed.
      int warmupSeconds = Math.max(2, httpSeconds / 3);
      wrk.run(base, searches, warmupSeconds, dir);
      wrk.run(base, List.of("/api/health"), warmupSeconds, dir);
      run.httpLoad = Machine.loadAverage();
      run.httpSearch = wrk.run(base, searches, httpSeconds, dir);
      run.httpHealth = wrk.run(base, List.of("/api/health"), httpSeconds, dir);
    } finally {
      server.stop();
    }
  }

  /** Compiles the indexing code of both sides before either is timed, so that the first measured is not the slower for it. */
  private static void warmUpIndexing(IndexingBench indexing, CorpusSpec seed, Path dir, PrintWriter log) throws IOException {
    progress(log, seed.name() + ": warming up (indexing it both ways, unmeasured)");
    recreate(dir);
    indexing.run(seed.read(), new IndexStore(dir.resolve("ours")), dir.resolve("bare"));
    deleteTree(dir);
  }

  /** Articles per file of {@code --write-scaled}: about 5 MB, under ingest.conf's default max-file-bytes. */
  static final int SCALED_FILE_ARTICLES = 2_000;

  /** Writes the scaled corpus as a folder of JSON Lines corpus files: the same articles the in-memory one gives. */
  private int writeScaled(List<CorpusSpec> specs, PrintWriter log) throws IOException {
    if (scaled <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--write-scaled needs --scaled N and a --corpus to recombine");
    }
    List<Article> articles = specs.get(specs.size() - 1).read().get();
    Files.createDirectories(writeScaled);
    for (int from = 0; from < articles.size(); from += SCALED_FILE_ARTICLES) {
      Path file = writeScaled.resolve(String.format("scaled-%05d.jsonl", from / SCALED_FILE_ARTICLES));
      try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Article a : articles.subList(from, Math.min(articles.size(), from + SCALED_FILE_ARTICLES))) {
          out.write(FeedBench.jsonLine(a, ""));
          out.write('\n');
        }
      }
    }
    log.printf("bench: %,d articles written to %s%n", articles.size(), writeScaled);
    log.flush();
    return 0;
  }

  private List<CorpusSpec> corpusSpecs(Path home, IndexConfig indexConfig) {
    List<CorpusSpec> specs = new ArrayList<>();
    specs.add(fileCorpus("seed", home.resolve("corpus"), "the bundled corpus (" + home.relativize(home.resolve("corpus")) + "/)", indexConfig));
    for (Path p : corpora) {
      if (!Files.exists(p)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--corpus " + p + ": no such file or folder");
      }
      String name = p.toAbsolutePath().normalize().getFileName().toString();
      specs.add(fileCorpus(name, p, p.toString(), indexConfig));
    }
    if (scaled > 0) {
      if (corpora.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--scaled needs a --corpus to recombine (for example the BBC folder)");
      }
      Path from = corpora.get(corpora.size() - 1);
      specs.add(new CorpusSpec(String.format("scaled-%dk", scaled / 1000), String.format(
          "%,d articles recombined from %s (seed %d; see ScaledCorpus), made in memory and given to IndexBuilder directly", scaled, from, scaledSeed),
          () -> new ScaledCorpus(read(from, indexConfig), scaled, scaledSeed), null));
    }
    return specs;
  }

  private static CorpusSpec fileCorpus(String name, Path path, String description, IndexConfig indexConfig) {
    return new CorpusSpec(name, description, () -> read(path, indexConfig), path);
  }

  private static List<Article> read(Path path, IndexConfig indexConfig) {
    return CorpusReader.standard(indexConfig.ingest()).read(List.of(path), new IngestReport());
  }

  private List<BenchQuery> readQueries(Path file) throws IOException {
    try {
      return BenchQuery.readList(file);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "query list: " + e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "query list " + file + " not found");
    }
  }

  private String commandLine() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    return "bin/news-search " + String.join(" ", args);
  }

  private static Path home() {
    String home = System.getProperty("news.home");
    return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
  }

  private static void progress(PrintWriter log, String message) {
    log.println("bench: " + message + " (load " + Machine.loadAverage() + ")");
    log.flush();
  }

  private static void recreate(Path dir) throws IOException {
    deleteTree(dir);
    Files.createDirectories(dir);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
