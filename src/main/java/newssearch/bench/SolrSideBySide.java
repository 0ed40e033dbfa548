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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query list against both engines in one run ({@code bench --solr URL --collection NAME}):
 * {@code serve} over the index the bench built, and {@code serve --solr} over a SolrCloud
 * collection that holds the same corpus, each in a child JVM. wrk loads them in turn, round after
 * round, so both meet the same machine; each takes all of wrk's connections at once rather than
 * shedding load. After the whole list, each kind of query of the list is loaded on its own
 * (only that kind's queries, in turn), both engines one after the other for each kind, so each
 * kind has its own req/s, latency and CPU. The CPU per request is each {@code serve} process's; the
 * Solr nodes' own CPU is not visible from here (they may be other machines), so for the Solr engine
 * it is the part this server spends (the rest is Solr's).
 */
final class SolrSideBySide {
  /** One wrk run against one engine, with the serving process's CPU per request. */
  record Run(String engine, int round, Wrk.Result load, double cpuMsPerRequest, String loadAverage) {}

  /** One wrk run over the queries of one kind only ({@code queries} of them, in turn). */
  record KindRun(String kind, int queries, Run run) {}

  /**
   * @param documents articles each engine serves (embedded, Solr)
   * @param differentTotals the searches whose totals differ between the engines (path: embedded vs Solr)
   * @param runs the whole query list, round after round
   * @param byKind each kind's own runs, in the list's order of kinds
   */
  record Result(String collection, long[] documents, List<String> differentTotals, List<Run> runs, List<KindRun> byKind) {
    Result(String collection, long[] documents, List<String> differentTotals, List<Run> runs) {
      this(collection, documents, differentTotals, runs, List.of());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private SolrSideBySide() {}

  static Result run(ServerProcess child, Path indexRoot, String solrUrls, String collection, Wrk wrk, List<BenchQuery> queries,
      int seconds, int rounds, Path dir) throws IOException, InterruptedException {
    List<String> paths = queries.stream().map(BenchQuery::httpPath).toList();
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
      List<KindRun> byKind = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        for (Map.Entry<String, List<String>> kind : byKind(queries).entrySet()) {
          // The engine that goes first changes every round, so neither always meets the machine
          // as the previous run left it.
          boolean embeddedFirst = round % 2 == 1;
          for (int i = 0; i < 2; i++) {
            boolean isEmbedded = (i == 0) == embeddedFirst;
            Run run = measure(isEmbedded ? "embedded" : "solr", round, isEmbedded ? embedded : solr, wrk, kind.getValue(),
                seconds, dir);
            byKind.add(new KindRun(kind.getKey(), kind.getValue().size(), run));
          }
        }
      }
      return new Result(collection, new long[] {embedded.documents(), solr.documents()}, different, runs, byKind);
    }
  }

  /** The paths of each kind of query, kinds in the order the list first names them. */
  static Map<String, List<String>> byKind(List<BenchQuery> queries) {
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    for (BenchQuery q : queries) {
      kinds.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(q.httpPath());
    }
    return kinds;
  }

  private static Run measure(String engine, int round, ServerProcess.Running server, Wrk wrk, List<String> paths,
      int seconds, Path dir) throws IOException, InterruptedException {
    long cpuBefore = server.cpuNanos();
    Wrk.Result load = wrk.run(server.base(), paths, seconds, dir);
    long cpu = server.cpuNanos() - cpuBefore;
    return new Run(engine, round, load, cpu / 1e6 / Math.max(1, load.requests()), Machine.loadAverage());
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
