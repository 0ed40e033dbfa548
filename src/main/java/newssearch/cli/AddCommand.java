package newssearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.LiveRules;
import newssearch.index.Schema;
import newssearch.index.UpdateLog;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code news-search add PATH...}: adds (or replaces, by id) the articles of files or folders, in
 * the formats of {@code --corpus}. When a server serves the index (it leaves its address in the
 * index folder) they are posted to it and searchable within a second; otherwise this command
 * writes them to the index itself. Either way one process writes at a time.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Add or replace articles from files or folders (the formats of --corpus): sent to the running server, "
        + "else written to the index on disk.")
final class AddCommand implements Callable<Integer> {
  /** Articles per request to the server. */
  static final int BATCH = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin Locations locations;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or folders of articles")
  List<Path> paths;

  @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:NEWS_SEARCH_ADMIN_TOKEN}",
      description = "the server's admin token, when it is not on this machine (default: $NEWS_SEARCH_ADMIN_TOKEN)")
  String adminToken;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IndexConfig config = IndexConfig.load(locations.configDir());
    IndexStore store = new IndexStore(locations.indexDir());
    if (store.current().isEmpty()) {
      throw new Failures.UserError("no index in " + store.root() + "; build one first: bin/news-search index --corpus PATH");
    }
    IngestReport report = new IngestReport(message -> {
      err.println("warning: " + message);
      err.flush();
    });
    List<Article> articles = CorpusReader.standard(config.ingest(), locations.folderTopics).read(paths, report);
    if (articles.isEmpty()) {
      throw new Failures.UserError("nothing to add: no article could be read from " + paths);
    }
    Optional<String> server = ServerAddress.read(store.root());
    if (server.isPresent()) {
      try {
        return send(server.get(), articles, out, err);
      } catch (ConnectException e) {
        err.println("news-search: no server answers at " + server.get() + "; writing to the index itself");
        err.flush();
      }
    }
    return write(store, config, articles, out);
  }

  private int send(String url, List<Article> articles, PrintWriter out, PrintWriter err)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int indexed = 0;
    int replaced = 0;
    int failed = 0;
    for (int from = 0; from < articles.size(); from += BATCH) {
      List<Article> batch = articles.subList(from, Math.min(articles.size(), from + BATCH));
      ArrayNode body = JSON.createArrayNode();
      batch.forEach(a -> body.add(record(a)));
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url).resolve("/api/articles"))
          .timeout(Duration.ofMinutes(2))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (adminToken != null && !adminToken.isBlank()) {
        request.header("Authorization", "Bearer " + adminToken);
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode answer = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new Failures.UserError("the server at " + url + " refused the articles (" + response.statusCode() + "): "
            + answer.path("error").path("message").asText(response.body()));
      }
      indexed += answer.path("indexed").asInt();
      replaced += answer.path("replaced").asInt();
      for (JsonNode f : answer.path("failed")) {
        failed++;
        err.println("warning: " + batch.get(f.path("line").asInt() - 1).origin() + ": not added (" + f.path("error").asText() + ")");
      }
    }
    out.printf("sent %d articles to %s: %d added, %d replaced, %d failed%n", articles.size(), url, indexed, replaced, failed);
    out.flush();
    return failed == articles.size() ? 1 : 0;
  }

  private int write(IndexStore store, IndexConfig config, List<Article> articles, PrintWriter out) throws IOException {
    if (!Schema.VERSION.equals(store.currentCommitData().get(IndexBuilder.SCHEMA_VERSION))) {
      throw new Failures.UserError("the index in " + store.root() + " was built by another version of news-search;"
          + " run bin/news-search serve or index to rebuild it first");
    }
    LiveIndex live;
    try {
      live = LiveIndex.open(store, config.analysis().index(), config.enricher(), LiveRules.load(locations.configDir()));
    } catch (LiveIndex.BusyException e) {
      throw new Failures.UserError(e.getMessage());
    }
    int replaced;
    try (live) {
      List<UpdateLog.Op> ops = new ArrayList<>();
      articles.forEach(a -> ops.add(UpdateLog.Op.add(a)));
      replaced = live.apply(ops).count(true);
    }
    out.printf("added %d articles to %s: %d new, %d replaced%n", articles.size(), store.root(), articles.size() - replaced,
        replaced);
    out.flush();
    return 0;
  }

  /** An article as a JSON Lines record, which the server reads as it reads a corpus line. */
  static ObjectNode record(Article a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", a.id());
    o.put("title", a.title());
    o.put("text", a.text());
    if (a.date() != null) {
      String day = a.date().day().toString();
      o.put("date", switch (a.date().precision()) {
        case YEAR -> day.substring(0, 4);
        case MONTH -> day.substring(0, 7);
        default -> day;
      });
    }
    if (!a.source().isEmpty()) {
      o.put("source", a.source());
    }
    if (!a.url().isEmpty()) {
      o.put("url", a.url());
    }
    a.topics().forEach(o.putArray("topics")::add);
    a.entities().forEach(o.putArray("entities")::add);
    return o;
  }
}
