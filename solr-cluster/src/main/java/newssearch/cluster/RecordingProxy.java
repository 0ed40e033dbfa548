package newssearch.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;

/**
 * An HTTP proxy in front of one Solr node that records the parameters of every {@code /select}
 * it forwards: pointed at by {@code serve --solr}, it shows exactly what the product's Solr engine
 * asks of Solr for a search, so a benchmark can ask Solr for the same work directly. Cluster status
 * answers name the proxy as the only live node, so a client that follows the live nodes keeps
 * coming through it.
 */
final class RecordingProxy implements AutoCloseable {
  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "http2-settings", "transfer-encoding", "keep-alive");

  /** One request's parameters, in order, decoded: a name may repeat ({@code fq}). */
  record Params(List<String[]> pairs) {
    String first(String name) {
      return pairs.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).findFirst().orElse(null);
    }

    /** The parameters as a form body, {@code wt=json} (what a browser or our API client reads) instead of SolrJ's javabin. */
    String jsonBody(List<String[]> extra) {
      StringBuilder body = new StringBuilder("wt=json");
      List<String[]> all = new ArrayList<>(pairs);
      all.addAll(extra);
      for (String[] p : all) {
        if (!p[0].equals("wt") && !p[0].equals("version")) {
          body.append('&').append(Http.enc(p[0])).append('=').append(Http.enc(p[1]));
        }
      }
      return body.toString();
    }
  }

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String target;
  private final List<Params> selects = new ArrayList<>();

  /** @param target a node's base URL without its path, {@code http://127.0.0.1:PORT} */
  RecordingProxy(String target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::forward);
    server.start();
  }

  /** The proxy's URL of the node ({@code --solr} of the product). */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/solr";
  }

  /** The {@code /select} requests forwarded since the last call, in order. */
  synchronized List<Params> drain() {
    List<Params> out = List.copyOf(selects);
    selects.clear();
    return out;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      String rawQuery = uri.getRawQuery();
      List<String[]> pairs = new ArrayList<>();
      decode(rawQuery, pairs);
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
        decode(new String(body, StandardCharsets.UTF_8), pairs);
      }
      Params params = new Params(pairs);
      if (uri.getPath().endsWith("/select")) {
        synchronized (this) {
          selects.add(params);
        }
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
          + (rawQuery == null ? "" : "?" + rawQuery))).timeout(Duration.ofSeconds(60))
          .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(v -> request.header(name, v));
        }
      });
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      String responseType = response.headers().firstValue("Content-Type").orElse("");
      byte[] answer = response.body();
      if ("CLUSTERSTATUS".equals(params.first("action")) && response.statusCode() == 200
          && responseType.startsWith("application/octet-stream")) {
        answer = throughProxy(answer);
      }
      if (!responseType.isEmpty()) {
        exchange.getResponseHeaders().set("Content-Type", responseType);
      }
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A cluster status (javabin) whose only live node is this proxy: the product's client reads the
   * live nodes to send its requests to, and must keep sending them here.
   */
  private byte[] throughProxy(byte[] javabin) throws IOException {
    Object status;
    try (JavaBinCodec codec = new JavaBinCodec()) {
      status = codec.unmarshal(new java.io.ByteArrayInputStream(javabin));
    }
    if (status instanceof NamedList<?> top && top.get("cluster") instanceof NamedList<?> cluster) {
      @SuppressWarnings("unchecked")
      NamedList<Object> writable = (NamedList<Object>) cluster;
      int i = writable.indexOf("live_nodes", 0);
      String self = "127.0.0.1:" + server.getAddress().getPort() + "_solr";
      if (i >= 0) {
        writable.setVal(i, new ArrayList<>(List.of(self)));
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (JavaBinCodec codec = new JavaBinCodec()) {
      codec.marshal(status, out);
    }
    return out.toByteArray();
  }

  private static void decode(String form, List<String[]> into) {
    if (form == null || form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.add(new String[] {name, value});
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
