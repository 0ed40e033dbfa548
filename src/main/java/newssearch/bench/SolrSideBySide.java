package newssearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The query list against both engines in one run ({@code bench --solr URL --collection NAME}):
 * {@code serve} over the index the bench built, and {@code serve --solr} over a SolrCloud
 * collection that holds the same corpus, each in a child JVM. wrk loads them in turn, round after
 * round, so both meet the same machine; each takes all of wrk's connections at once rather than
 * shedding load. The CPU per request is each {@code serve} process's; the
 * Solr nodes' own CPU is not visible from here (they may be other machines), so for the Solr engine
 * it is the part this server spends (the rest is Solr's).
 */
final class SolrSideBySide {
  /** One wrk run against one engine, with the serving process's CPU per request. */
  record Run(String engine, int round, Wrk.Result load, double cpuMsPerRequest, String loadAverage) {}

  /**
   * @param documents articles each engine serves (embedded, Solr)
   * @param differentTotals the searches whose totals differ between the engines (path: embedded vs Solr)
   */
  record Result(String collection, long[] documents, List<String> differentTotals, List<Run> runs) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private SolrSideBySide() {}

  static Result run(ServerProcess child, Path indexRoot, String solrUrls, String collection, Wrk wrk, List<String> paths,
      int seconds, int rounds, Path dir) throws IOException, InterruptedException {
    // Both take every connection of the bench at once: shedding load (503) is not what is measured.
    List<String> limits = List.of("--max-concurrent", Integer.toString(2 * wrk.connections()));
    List<String> embeddedArgs = new ArrayList<>(List.of("--index", indexRoot.toString()));
    embeddedArgs.addAll(limits);
    List<String> solrArgs = new ArrayList<>(List.of("--solr", solrUrls, "--collection", collection));
    solrArgs.addAll(limits);
    try (ServerProcess.Running embedded = child.start(dir.resolve("serve-embedded.log"), embeddedArgs);
        ServerProcess.Running solr = child.start(dir.resolve("serve-solr.log"), solrArgs)) {
      List<String> different = differentTotals(embedded.base(), solr.base(), paths);
      int warmup = Math.max(2, seconds / 3);
      wrk.run(embedded.base(), paths, warmup, dir);
      wrk.run(solr.base(), paths, warmup, dir);
      List<Run> runs = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        runs.add(measure("embedded", round, embedded, wrk, paths, seconds, dir));
        runs.add(measure("solr", round, solr, wrk, paths, seconds, dir));
      }
      return new Result(collection, new long[] {embedded.documents(), solr.documents()}, different, runs);
    }
  }

  private static Run measure(String engine, int round, ServerProcess.Running server, Wrk wrk, List<String> paths,
      int seconds, Path dir) throws IOException, InterruptedException {
    long cpuBefore = cpuNanos(server);
    Wrk.Result load = wrk.run(server.base(), paths, seconds, dir);
    long cpu = cpuNanos(server) - cpuBefore;
    return new Run(engine, round, load, cpu / 1e6 / Math.max(1, load.requests()), Machine.loadAverage());
  }

  private static long cpuNanos(ServerProcess.Running server) {
    return server.process().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** Each search asked once of both: the paths whose totals differ (the collection may hold another corpus). */
  static List<String> differentTotals(String embedded, String solr, List<String> paths) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<String> different = new ArrayList<>();
    for (String path : paths) {
      long ours = total(client, embedded + path);
      long theirs = total(client, solr + path);
      if (ours != theirs) {
        different.add(path + ": " + ours + " vs " + theirs);
      }
    }
    return different;
  }

  private static long total(HttpClient client, String url) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
    }
    JsonNode total = JSON.readTree(r.body()).get("total");
    return total == null ? -1 : total.asLong();
  }
}
