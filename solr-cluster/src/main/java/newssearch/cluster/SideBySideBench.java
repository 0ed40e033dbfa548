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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same query list ({@code bench/queries.txt}) against {@code serve} (the embedded engine) and
 * {@code serve --solr} (a local SolrCloud: embedded ZooKeeper and 2 Solr nodes in this JVM, a
 * collection of 2 shards x 2 replicas), on the same corpus, in one run: wrk at 16 connections
 * takes the queries in turn; runs alternate between the engines. CPU per request is the CPU time
 * the serving processes used during a run divided by the requests answered: the {@code serve}
 * process for the embedded engine; {@code serve --solr} plus this JVM (the Solr nodes) for Solr.
 *
 * <p>Run by hand (see the README): {@code mvn -q compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=newssearch.cluster.SideBySideBench -Dexec.args="--corpus ../../shared/datasets/bbc"}
 */
public final class SideBySideBench {
  private static final long TICKS_PER_SECOND = 100;

  private SideBySideBench() {}

  /** One measured run of wrk against one engine. */
  record Run(String engine, int round, long requests, double perSecond, double p50, double p99, long errors,
      double serverCpuMs, double solrCpuMs) {
    double cpuPerRequestMs() {
      return (serverCpuMs + solrCpuMs) / Math.max(1, requests);
    }
  }

  public static void main(String[] args) throws Exception {
    Path corpus = Product.home().resolve("corpus");
    int seconds = 15;
    int rounds = 2;
    int connections = 16;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --corpus PATH, --seconds N, --rounds N");
      }
    }
    List<String> paths = queryPaths(Product.home().resolve("bench/queries.txt"));
    Path work = Files.createTempDirectory("news-search-side-by-side");
    String loadAtStart = load();
    String started = Instant.now().toString();
    List<Run> runs = new ArrayList<>();
    long articles;
    try (Cluster cluster = Cluster.start(2)) {
      check(Product.run("solr-create", "--solr", cluster.urls(), "--collection", "bench", "--shards", "2", "--replicas", "2"));
      check(Product.run("index", "--solr", cluster.urls(), "--collection", "bench", "--corpus", corpus.toString()));
      check(Product.run("index", "--index", work.resolve("index").toString(), "--corpus", corpus.toString()));
      try (Product.Server lucene = Product.serve("--index", work.resolve("index").toString(), "--max-concurrent", "32");
          Product.Server solr = Product.serve("--solr", cluster.urls(), "--collection", "bench", "--max-concurrent", "32")) {
        articles = Http.json(lucene.url + "/api/health").get("documents").asLong();
        long solrArticles = Http.json(solr.url + "/api/health").get("documents").asLong();
        if (articles != solrArticles) {
          throw new IllegalStateException("the engines hold " + articles + " and " + solrArticles + " articles");
        }
        int differ = sameWork(paths, lucene.url, solr.url);
        System.out.printf(Locale.ROOT, "%d queries; %d with a different total on the two engines%n", paths.size(), differ);
        for (Product.Server s : List.of(lucene, solr)) {
          wrk(s.url, paths, 5, connections, work); // warm-up, not measured
        }
        for (int round = 1; round <= rounds; round++) {
          runs.add(measure("embedded (serve)", round, lucene, false, paths, seconds, connections, work));
          runs.add(measure("solr (serve --solr + 2 nodes)", round, solr, true, paths, seconds, connections, work));
        }
      }
    } catch (Exception e) {
      System.err.println("warning: " + e);
      if (runs.isEmpty()) {
        throw e;
      }
    }
    System.out.println(report(corpus, started, loadAtStart, load(), paths.size(), rounds, seconds, connections, runs));
    System.out.flush();
    // Solr's leftover threads end with the JVM, not interrupted one by one (exec:java would
    // report their InterruptedException as a failure of a finished run).
    System.exit(0);
  }

  private static Run measure(String engine, int round, Product.Server server, boolean solr, List<String> paths, int seconds,
      int connections, Path work) throws Exception {
    long serverBefore = cpuTicks(server.process.pid());
    long solrBefore = selfCpuNanos();
    double[] r = wrk(server.url, paths, seconds, connections, work);
    double serverMs = (cpuTicks(server.process.pid()) - serverBefore) * 1000.0 / TICKS_PER_SECOND;
    double solrMs = solr ? (selfCpuNanos() - solrBefore) / 1e6 : 0;
    Run run = new Run(engine, round, (long) r[0], r[1], r[2], r[3], (long) r[4], serverMs, solrMs);
    System.out.printf(Locale.ROOT, "%s round %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms, CPU %.2f ms/request%n", engine, round,
        run.perSecond(), run.p50(), run.p99(), run.cpuPerRequestMs());
    return run;
  }

  /** Queries whose totals differ between the engines (the same work is asked of both). */
  private static int sameWork(List<String> paths, String lucene, String solr) throws Exception {
    int differ = 0;
    for (String p : paths) {
      JsonNode l = Http.json(lucene + p);
      JsonNode s = Http.json(solr + p);
      if (!l.get("total").equals(s.get("total"))) {
        differ++;
        System.out.println("  total differs for " + p + ": " + l.get("total") + " vs " + s.get("total"));
      }
    }
    return differ;
  }

  /** The search paths of the query list: "kind TAB parameters" lines, "+" a space, "#" a comment. */
  static List<String> queryPaths(Path queries) throws IOException {
    List<String> paths = new ArrayList<>();
    for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String params = line.substring(line.indexOf('\t') + 1).strip();
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
      paths.add(path.toString());
    }
    return paths;
  }

  /** wrk over the paths in turn: requests, req/s, p50 ms, p99 ms, errors. */
  private static double[] wrk(String baseUrl, List<String> paths, int seconds, int connections, Path work) throws Exception {
    Path script = work.resolve("paths.lua");
    StringBuilder lua = new StringBuilder("local paths = {\n");
    for (String p : paths) {
      lua.append("  \"").append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
    }
    lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i - 1) % #paths + 1])\nend\n");
    Files.writeString(script, lua);
    Path out = work.resolve("wrk.out");
    Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "--latency",
        "-s", script.toString(), baseUrl + paths.get(0)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IOException("wrk did not finish");
    }
    String report = Files.readString(out);
    double requests = Double.parseDouble(group("(\\d+) requests in", report));
    double rate = Double.parseDouble(group("Requests/sec:\\s+([\\d.]+)", report));
    double p50 = percentile("50", report);
    double p99 = percentile("99", report);
    long errors = 0;
    Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(report);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(report);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    return new double[] {requests, rate, p50, p99, errors};
  }

  private static double percentile(String which, String report) {
    Matcher m = Pattern.compile("(?m)^\\s*" + which + "(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s)\\s*$").matcher(report);
    if (!m.find()) {
      throw new IllegalStateException("no p" + which + " in wrk's report: " + report);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }

  private static String group(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("'" + regex + "' not in wrk's report: " + text);
    }
    return m.group(1);
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

  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
  }

  private static void check(Product.Run run) {
    if (run.status() != 0) {
      throw new IllegalStateException("news-search failed:\n" + run.out());
    }
  }

  private static String report(Path corpus, String started, String loadAtStart, String loadAtEnd, int queries, int rounds,
      int seconds, int connections, List<Run> runs) {
    StringBuilder md = new StringBuilder();
    md.append("- Run: ").append(started).append("; corpus ").append(corpus).append("; ").append(queries)
        .append(" queries of bench/queries.txt in turn; wrk -t2 -c").append(connections).append(" -d").append(seconds)
        .append("s, ").append(rounds).append(" alternating rounds after a 5 s warm-up of each\n");
    md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average (1, 5, 15 min) at start ")
        .append(loadAtStart).append(", at end ").append(loadAtEnd).append("\n\n");
    md.append("| engine | round | requests | req/s | p50 ms | p99 ms | errors | server CPU ms/req | Solr nodes CPU ms/req | CPU ms/req |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Run r : runs) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %.2f | %.2f | %d | %.2f | %s | %.2f |%n", r.engine(), r.round(),
          r.requests(), r.perSecond(), r.p50(), r.p99(), r.errors(), r.serverCpuMs() / Math.max(1, r.requests()),
          r.solrCpuMs() == 0 ? "" : String.format(Locale.ROOT, "%.2f", r.solrCpuMs() / Math.max(1, r.requests())),
          r.cpuPerRequestMs()));
    }
    return md.toString();
  }
}
