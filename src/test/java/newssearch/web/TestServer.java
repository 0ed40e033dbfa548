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
import java.util.function.Consumer;
import newssearch.TestCorpus;
import newssearch.search.ArticleSearcher;

/**
 * The real server on a free port over a real index, and a client that speaks HTTP to it. Close it
 * to stop the server.
 */
public final class TestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final ArticleSearcher searcher;
  public final WebServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(ArticleSearcher searcher, Consumer<WebServer> setup) {
    this.searcher = searcher;
    WebServer web = new WebServer(searcher);
    setup.accept(web);
    this.server = web.start("127.0.0.1", 0);
  }

  /** A server over {@code roots} (default: the seed corpus), indexed into {@code indexDir}. */
  public static TestServer start(Path indexDir, Path... roots) {
    return start(indexDir, web -> {}, roots);
  }

  /** As {@link #start(Path, Path...)}, with {@code setup} applied to the server before it starts. */
  public static TestServer start(Path indexDir, Consumer<WebServer> setup, Path... roots) {
    Path[] corpus = roots.length == 0 ? new Path[] {TestCorpus.seedCorpus()} : roots;
    return new TestServer(TestCorpus.searcher(indexDir, corpus), setup);
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** GET {@code pathAndQuery} (already URL-encoded), returning status, headers and body. */
  public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .GET()
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  /** GET and parse the body as JSON. */
  public JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
    return json(get(pathAndQuery));
  }

  @Override
  public void close() {
    server.stop();
    searcher.close();
  }
}
