package newssearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.LiveRules;
import newssearch.ingest.PostedArticles;
import newssearch.search.ArticleSearcher;
import newssearch.search.SearchLimits;

/**
 * The real server taking live updates, as {@code serve} runs it, over the seed corpus indexed into
 * a folder, on a free port. Tests call {@link #refresh()} where the server's timer would, so what
 * they check does not depend on timing.
 */
public final class LiveTestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final IndexStore store;
  public final LiveIndex live;
  public final ArticleSearcher searcher;
  public final WebServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public LiveTestServer(Path indexDir, LiveRules rules, AdminAccess access, Path... corpus) throws IOException {
    this.store = TestCorpus.index(indexDir, corpus.length == 0 ? new Path[] {TestCorpus.seedCorpus()} : corpus);
    this.live = LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(), rules);
    this.searcher = ArticleSearcher.open(live, store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy(),
        SearchLimits.DEFAULT);
    this.server = new WebServer(searcher).admin(access, null).live(live, new PostedArticles(TestCorpus.config().ingest()))
        .start("127.0.0.1", 0);
  }

  public LiveTestServer(Path indexDir) throws IOException {
    this(indexDir, LiveRules.DEFAULT, AdminAccess.loopbackOnly());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Makes what was applied so far searchable, as the server's refresh timer does. */
  public void refresh() throws IOException {
    searcher.refresh();
  }

  public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET());
  }

  public JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
    return JSON.readTree(get(pathAndQuery).body());
  }

  public HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  public HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Override
  public void close() throws IOException {
    server.stop();
    searcher.close();
    live.close();
  }
}
