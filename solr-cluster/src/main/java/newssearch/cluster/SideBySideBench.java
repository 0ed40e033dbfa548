package newssearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same query list ({@code bench/queries.txt}) on the same corpus, in one run, against our
 * {@code serve} (the embedded engine) and against Solr 9.10 doing the same work: by default a
 * single node holding a collection of 1 shard x 1 replica (one machine against one machine),
 * asked at its own {@code /select}. Each query's Solr request is the one the product's Solr engine
 * sends for that search (recorded by a {@link RecordingProxy} while {@code serve --solr} answers
 * it once): the same query parsers, fields and weights, filters as {@code fq}, the facets of the
 * page ({@code json.facet}), unified highlighting of the title and 3 passages of the text, the
 * same stored fields, and, for the searches where the product asks Solr for spelling candidates,
 * Solr's spellcheck with collation checked against the index. When the product runs several tiers
 * of a relaxed query, Solr is asked the widest one only (the one whose total the page reports).
 * The totals Solr answers are checked against the embedded engine's.
 *
 * <p>wrk at 16 connections takes the queries in turn; runs alternate between the servers. CPU per
 * request is the CPU time a server used during a run divided by the requests it answered: the
 * {@code serve} process for the embedded engine, this JVM (the Solr node and ZooKeeper) for Solr.
 * The query list repeats, so Solr's result and document caches answer part of each request; the
 * {@code distinct} rounds shrink those two caches to one entry (Config API), as distinct queries
 * would find them (the filter cache stays: filters repeat across distinct queries too). Our server
 * keeps no result cache, so its figures are distinct-query figures either way.
 *
 * <p>Then each kind of query of the list (its first column) is loaded on its own: wrk over only that
 * kind's queries, our server and Solr one after the other for each kind (which goes first changes
 * every round), so each kind has its own req/s, p50/p99 and CPU per request. A kind may hold a
 * single query, which a cache of one entry would answer every time: with distinct rounds on, these
 * runs shrink Solr's result and document caches to nothing (size 0), and the report gives Solr's
 * cache sizes during them and each server's CPU with no request (its background work, part of
 * every CPU-per-request figure). {@code --kind-seconds N} sets their length (default:
 * {@code --seconds}), {@code --no-kinds} skips them.
 *
 * <p>{@code --baseline-jar JAR} adds another build of the product (its own index, its own {@code serve})
 * to each round, so a change is measured against the build before it under the same load.
 *
 * <p>{@code --nodes 2 --shards 2 --replicas 2 --proxy-arm} measures the earlier layout: {@code serve
 * --solr} (our server in front of a 2 x 2 SolrCloud), whose CPU is its process's plus this JVM's.
 *
 * <p>Run by hand (see the README): {@code mvn -q compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=newssearch.cluster.SideBySideBench -Dexec.args="--corpus ../../shared/datasets/bbc"}
 */
public final class SideBySideBench {
  private static final long TICKS_PER_SECOND = 100;
  static final String EMBEDDED = "embedded (serve)";
  private static final String SOLR = "solr /select";
  private static final String SOLR_DISTINCT = "solr /select, result+document caches off";
  private static final String PROXY = "solr (serve --solr)";
  private static final String BASELINE = "embedded, baseline build";
  private static final String SOLR_NO_CACHE = "solr /select, result+document caches 0";

  private SideBySideBench() {}

  /** One measured run of wrk against one server. */
  record Run(String engine, int round, long requests, double perSecond, double p50, double p99, long errors,
      double serverCpuMs, double solrCpuMs, String load) {
    double cpuPerRequestMs() {
      return (serverCpuMs + solrCpuMs) / Math.max(1, requests);
    }
  }

  /** One run over the queries of one kind only ({@code queries} of them, in turn). */
  record KindRun(String kind, int queries, Run run) {}

  /** What wrk sends: GET paths in turn, or POST form bodies in turn to one path. */
  record Target(String baseUrl, List<String> paths, List<String> bodies) {
    static Target gets(String baseUrl, List<String> paths) {
      return new Target(baseUrl, paths, null);
    }
  }

  public static void main(String[] args) throws Exception {
    Path corpus = Product.home().resolve("corpus");
    int seconds = 15;
    int rounds = 2;
    int connections = 16;
    int nodes = 1;
    int shards = 1;
    int replicas = 1;
    boolean proxyArm = false;
    boolean distinct = true;
    Path baselineJar = null;
    Integer kindSeconds = null;
    boolean kinds = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--shards" -> shards = Integer.parseInt(args[++i]);
        case "--replicas" -> replicas = Integer.parseInt(args[++i]);
        case "--proxy-arm" -> proxyArm = true;
        case "--no-distinct" -> distinct = false;
        case "--baseline-jar" -> baselineJar = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--kind-seconds" -> kindSeconds = Integer.parseInt(args[++i]);
        case "--no-kinds" -> kinds = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --corpus PATH, --seconds N, --rounds N, --nodes N, --shards N, --replicas N, --proxy-arm, --no-distinct,"
            + " --baseline-jar JAR, --kind-seconds N, --no-kinds");
      }
    }
    List<String[]> list = queryList(Product.home().resolve("bench/queries.txt"));
    List<String> paths = list.stream().map(q -> q[1]).toList();
    Path work = Files.createTempDirectory("news-search-side-by-side");
    String loadAtStart = load();
    String started = Instant.now().toString();
    List<Run> runs = new ArrayList<>();
    List<KindRun> kindRuns = new ArrayList<>();
    List<String> kindNotes = new ArrayList<>();
    String indexing = "";
    String layout = nodes + " Solr node(s), collection of " + shards + " shard(s) x " + replicas + " replica(s)";
    try (Cluster cluster = Cluster.start(nodes);
        RecordingProxy proxy = new RecordingProxy(cluster.node(0).getBaseUrl().toString().replaceAll("/solr/?$", ""))) {
      check(Product.run("solr-create", "--solr", cluster.urls(), "--collection", "bench", "--shards", Integer.toString(shards),
          "--replicas", Integer.toString(replicas)));
      // Solr's part of indexing: the CPU of this JVM (where Solr runs) while the product sends the
      // enriched articles and commits, less what the JVM spends idle over as long.
      long idleBefore = selfCpuNanos();
      Thread.sleep(5000);
      double idleNanosPerSecond = (selfCpuNanos() - idleBefore) / 5.0;
      long solrBefore = selfCpuNanos();
      long wallBefore = System.nanoTime();
      Product.Run toSolr = check(Product.run("index", "--solr", cluster.urls(), "--collection", "bench", "--corpus",
          corpus.toString()));
      double solrIndexSeconds = (selfCpuNanos() - solrBefore - idleNanosPerSecond * (System.nanoTime() - wallBefore) / 1e9) / 1e9;
      Product.Run embeddedIndex = check(Product.run("index", "--index", work.resolve("index").toString(), "--corpus",
          corpus.toString()));
      indexing = SideBySideReport.indexing(cpuSeconds(embeddedIndex), cpuSeconds(toSolr), solrIndexSeconds,
          idleNanosPerSecond / 1e6, load());
      System.out.println(indexing);
      if (baselineJar != null) {
        check(Product.runWith(baselineJar, "index", "--index", work.resolve("baseline-index").toString(), "--corpus",
            corpus.toString()));
      }
      String select = cluster.node(0).getBaseUrl() + "/bench/select";
      try (Product.Server lucene = Product.serve("--index", work.resolve("index").toString(), "--max-concurrent", "32");
          Product.Server solr = Product.serve("--solr", proxy.url(), "--collection", "bench", "--max-concurrent", "32");
          Product.Server baseline = baselineJar == null ? null : Product.serveWith(baselineJar, "--index",
              work.resolve("baseline-index").toString(), "--max-concurrent", "32")) {
        long articles = Http.json(lucene.url + "/api/health").get("documents").asLong();
        long solrArticles = Http.json(solr.url + "/api/health").get("documents").asLong();
        if (articles != solrArticles) {
          throw new IllegalStateException("the engines hold " + articles + " and " + solrArticles + " articles");
        }
        List<String> bodies = sameWork(paths, lucene.url, solr.url, proxy, select);
        Target embedded = Target.gets(lucene.url, paths);
        Target direct = new Target(select, List.of(""), bodies);
        Target proxied = Target.gets(solr.url, paths);
        Target older = baseline == null ? null : Target.gets(baseline.url, paths);
        if (older != null) {
          WrkLoad.run(older, 5, connections, work);
        }
        WrkLoad.run(embedded, 5, connections, work); // warm-up, not measured
        WrkLoad.run(direct, 5, connections, work);
        if (proxyArm) {
          WrkLoad.run(proxied, 5, connections, work);
        }
        for (int round = 1; round <= rounds; round++) {
          runs.add(measure(EMBEDDED, round, embedded, lucene.process.pid(), false, seconds, connections, work));
          runs.add(measure(SOLR, round, direct, -1, true, seconds, connections, work));
          if (older != null) {
            runs.add(measure(BASELINE, round, older, baseline.process.pid(), false, seconds, connections, work));
          }
          if (proxyArm) {
            runs.add(measure(PROXY, round, proxied, solr.process.pid(), true, seconds, connections, work));
          }
        }
        if (distinct) {
          solrCaches(cluster.node(0).getBaseUrl() + "/bench/config", 1);
          WrkLoad.run(direct, 5, connections, work);
          for (int round = 1; round <= rounds; round++) {
            runs.add(measure(EMBEDDED, round, embedded, lucene.process.pid(), false, seconds, connections, work));
            runs.add(measure(SOLR_DISTINCT, round, direct, -1, true, seconds, connections, work));
          }
        }
        if (kinds) {
          String solrEngine = SOLR;
          if (distinct) {
            solrCaches(cluster.node(0).getBaseUrl() + "/bench/config", 0);
            solrEngine = SOLR_NO_CACHE;
            kindNotes.add(cacheSizes(cluster.node(0).getBaseUrl() + "/bench/config/overlay"));
            WrkLoad.run(direct, 5, connections, work); // the reloaded core's first requests, not measured
          }
          kindNotes.add(idleCpu(lucene.process.pid()));
          kindNotes.forEach(System.out::println);
          int length = kindSeconds == null ? seconds : kindSeconds;
          for (int round = 1; round <= rounds; round++) {
            for (java.util.Map.Entry<String, List<Integer>> kind : byKind(list).entrySet()) {
              List<Integer> at = kind.getValue();
              Target ours = Target.gets(lucene.url, at.stream().map(paths::get).toList());
              Target theirs = new Target(select, List.of(""), at.stream().map(bodies::get).toList());
              // Which server goes first changes every round, so neither always meets the machine as
              // the other one's run left it.
              boolean oursFirst = round % 2 == 1;
              for (int i = 0; i < 2; i++) {
                Run run = (i == 0) == oursFirst
                    ? measure(EMBEDDED, round, ours, lucene.process.pid(), false, length, connections, work)
                    : measure(solrEngine, round, theirs, -1, true, length, connections, work);
                kindRuns.add(new KindRun(kind.getKey(), at.size(), run));
              }
            }
          }
        }
      }
    } catch (Exception e) {
      System.err.println("warning: " + e);
      if (runs.isEmpty()) {
        throw e;
      }
    }
    System.out.println(SideBySideReport.report(corpus, layout, started, loadAtStart, load(), paths.size(), rounds, seconds, connections, runs));
    System.out.println(indexing);
    System.out.println(SideBySideReport.kindReport(kindRuns, kindNotes.isEmpty() ? null : String.join(" ", kindNotes)));
    System.out.flush();
    // Solr's leftover threads end with the JVM, not interrupted one by one (exec:java would
    // report their InterruptedException as a failure of a finished run).
    System.exit(0);
  }

  /** Sets the sizes of Solr's query result and document caches with the Config API (the core reloads, caches start empty). */
  private static void solrCaches(String configUrl, int size) throws Exception {
    String body = "{\"set-property\": {\"query.queryResultCache.size\": " + size + ", \"query.queryResultCache.initialSize\": "
        + size + ", \"query.documentCache.size\": " + size + ", \"query.documentCache.initialSize\": " + size + "}}";
    java.net.http.HttpResponse<String> r = Http.post(configUrl, "application/json", body);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("the Config API answered " + r.statusCode() + ": " + r.body());
    }
    Thread.sleep(2000); // the core reloads with the new sizes
  }

  private static Run measure(String engine, int round, Target target, long pid, boolean solr, int seconds,
      int connections, Path work) throws Exception {
    long serverBefore = pid < 0 ? 0 : cpuTicks(pid);
    long solrBefore = selfCpuNanos();
    double[] r = WrkLoad.run(target, seconds, connections, work);
    double serverMs = pid < 0 ? 0 : (cpuTicks(pid) - serverBefore) * 1000.0 / TICKS_PER_SECOND;
    double solrMs = solr ? (selfCpuNanos() - solrBefore) / 1e6 : 0;
    Run run = new Run(engine, round, (long) r[0], r[1], r[2], r[3], (long) r[4], serverMs, solrMs, load());
    System.out.printf(Locale.ROOT, "%s round %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms, CPU %.2f ms/request, load %s%n", engine,
        round, run.perSecond(), run.p50(), run.p99(), run.cpuPerRequestMs(), run.load());
    return run;
  }

  /**
   * Each query's Solr request: the product's Solr engine answers the search once through the
   * proxy; its page request (highlighting and facets; the widest one of a relaxed search, the one
   * whose total matches) is kept, with spellcheck added where the engine asked Solr for spelling
   * candidates. Prints the queries whose totals differ between the engines and between Solr asked
   * directly and the embedded engine.
   */
  private static List<String> sameWork(List<String> paths, String lucene, String solr, RecordingProxy proxy, String select)
      throws Exception {
    List<String> bodies = new ArrayList<>();
    int differ = 0;
    int directDiffer = 0;
    int spelled = 0;
    proxy.drain();
    for (String p : paths) {
      JsonNode l = Http.json(lucene + p);
      JsonNode s = Http.json(solr + p);
      if (!l.get("total").equals(s.get("total"))) {
        differ++;
        System.out.println("  total differs for " + p + ": " + l.get("total") + " vs " + s.get("total"));
      }
      List<RecordingProxy.Params> sent = proxy.drain();
      List<RecordingProxy.Params> pages = sent.stream().filter(r -> "true".equals(r.first("hl"))).toList();
      if (pages.isEmpty()) {
        throw new IllegalStateException("the Solr engine sent no highlighted request for " + p);
      }
      List<String[]> spelling = new ArrayList<>();
      RecordingProxy.Params candidates = sent.stream().filter(r -> "true".equals(r.first("spellcheck"))).findFirst().orElse(null);
      String q = queryText(p);
      if (candidates != null && !q.isBlank()) {
        long counts = sent.stream().filter(r -> "0".equals(r.first("rows")) && r.first("json.facet") == null
            && r.first("spellcheck") == null && r.first("q") != null && !r.first("q").equals("*:*")).count();
        spelling.add(new String[] {"spellcheck", "true"});
        spelling.add(new String[] {"spellcheck.q", q});
        spelling.add(new String[] {"spellcheck.count", candidates.first("spellcheck.count")});
        spelling.add(new String[] {"spellcheck.collate", "true"});
        spelling.add(new String[] {"spellcheck.maxCollationTries", Long.toString(Math.max(1, counts))});
        spelled++;
      }
      String chosen = null;
      long total = l.get("total").asLong();
      long found = -1;
      for (int i = pages.size() - 1; i >= 0 && chosen == null; i--) {
        String body = pages.get(i).jsonBody(spelling);
        java.net.http.HttpResponse<String> r = Http.post(select, "application/x-www-form-urlencoded", body);
        if (r.statusCode() != 200) {
          throw new IllegalStateException("Solr answered " + r.statusCode() + " for " + p + ": " + r.body());
        }
        found = Http.JSON.readTree(r.body()).path("response").path("numFound").asLong(-1);
        if (found == total || i == 0) {
          chosen = body;
        }
      }
      if (found != total) {
        directDiffer++;
        System.out.println("  Solr /select total differs for " + p + ": " + total + " vs " + found);
      }
      bodies.add(chosen);
    }
    System.out.printf(Locale.ROOT, "%d queries; %d with a different total through serve --solr, %d asked of Solr /select;"
        + " spelling asked for %d%n", paths.size(), differ, directDiffer, spelled);
    return bodies;
  }

  /** The {@code q} parameter of a search path, decoded ("" when absent). */
  private static String queryText(String path) {
    int question = path.indexOf('?');
    if (question < 0) {
      return "";
    }
    for (String pair : path.substring(question + 1).split("&")) {
      if (pair.startsWith("q=")) {
        return java.net.URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** The search paths of the query list: "kind TAB parameters" lines, "+" a space, "#" a comment. */
  static List<String> queryPaths(Path queries) throws IOException {
    return queryList(queries).stream().map(q -> q[1]).toList();
  }

  /** Each query of the list as its kind and its search path. */
  static List<String[]> queryList(Path queries) throws IOException {
    List<String[]> list = new ArrayList<>();
    for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String kind = tab < 0 ? "" : line.substring(0, tab).strip();
      String params = line.substring(tab + 1).strip();
      StringBuilder path = new StringBuilder("/api/search");
      char sep = '?';
      for (String pair : params.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        path.append(sep).append(key).append('=').append(Http.enc(value).replace("+", "%20"));
        sep = '&';
      }
      list.add(new String[] {kind, path.toString()});
    }
    return list;
  }

  /** The positions in the list of each kind's queries, kinds in the order the list first names them. */
  static java.util.Map<String, List<Integer>> byKind(List<String[]> list) {
    java.util.Map<String, List<Integer>> kinds = new java.util.LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      kinds.computeIfAbsent(list.get(i)[0], k -> new ArrayList<>()).add(i);
    }
    return kinds;
  }

  /**
   * CPU each server spends with no request for 5 s: part of every run's CPU per request is this
   * background work (for Solr: ZooKeeper, the node's own threads and Maven's under exec:java).
   */
  private static String idleCpu(long servePid) throws Exception {
    long serveBefore = cpuTicks(servePid);
    long solrBefore = selfCpuNanos();
    Thread.sleep(5000);
    double serveMsPerSecond = (cpuTicks(servePid) - serveBefore) * 1000.0 / TICKS_PER_SECOND / 5;
    double solrMsPerSecond = (selfCpuNanos() - solrBefore) / 1e6 / 5;
    return String.format(Locale.ROOT, "CPU with no request (5 s before these runs): `serve` %.1f ms/s, the Solr JVM %.1f ms/s.",
        serveMsPerSecond, solrMsPerSecond);
  }

  /**
   * The sizes of Solr's query result and document caches as the Config API's overlay sets them.
   * (The test framework's nodes run with Solr's metrics off, so cache hits cannot be counted.)
   */
  private static String cacheSizes(String overlayUrl) throws Exception {
    JsonNode query = Http.json(overlayUrl + "?wt=json").path("overlay").path("props").path("query");
    return "Solr's query result and document caches during these runs: size " + query.path("queryResultCache").path("size").asText("?")
        + " and " + query.path("documentCache").path("size").asText("?") + " (Config API overlay; the test framework's Solr node runs"
        + " with metrics off, so their hits are not counted).";
  }

  /** User + system CPU of a process, in clock ticks ({@code /proc/PID/stat}, fields 14 and 15). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** CPU time of this JVM (the Solr nodes and ZooKeeper; the bench itself mostly waits for wrk). */
  private static long selfCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The {@code cpu time} an index command printed, in seconds. */
  static double cpuSeconds(Product.Run run) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^cpu time\\s+([0-9.]+) s$").matcher(run.out());
    if (!m.find()) {
      throw new IllegalStateException("the index command printed no cpu time:\n" + run.out());
    }
    return Double.parseDouble(m.group(1));
  }

  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
  }

  private static Product.Run check(Product.Run run) {
    if (run.status() != 0) {
      throw new IllegalStateException("news-search failed:\n" + run.out());
    }
    return run;
  }

}
