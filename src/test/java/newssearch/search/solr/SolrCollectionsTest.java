package newssearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating and deleting collections when the cluster answers as a busy one does: a request that
 * failed on one node after doing its work is sent again, and the second answer is "already
 * exists" or "not found".
 */
class SolrCollectionsTest {
  private HttpServer solr;
  private final Set<String> collections = ConcurrentHashMap.newKeySet();
  private final Set<String> configSets = ConcurrentHashMap.newKeySet();
  private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  /** Whether a request that does its work answers 500 (a timed-out or failed answer) rather than 200. */
  private volatile boolean requestsFailAfterWorking;
  private volatile boolean deletesAreRefused;
  private String url;

  @BeforeEach
  void start() throws IOException {
    solr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String self = "127.0.0.1:" + solr.getAddress().getPort() + "_solr";
    solr.createContext("/solr/admin/collections", exchange -> {
      Map<String, String> params = params(exchange);
      requests.add("collections " + params.get("action"));
      switch (params.get("action")) {
        case "CLUSTERSTATUS" -> {
          NamedList<Object> cluster = new NamedList<>();
          cluster.add("live_nodes", List.of(self));
          NamedList<Object> known = new NamedList<>();
          collections.forEach(c -> known.add(c, Map.of("shards", Map.of("shard1", Map.of()))));
          cluster.add("collections", known);
          NamedList<Object> status = new NamedList<>();
          status.add("cluster", cluster);
          answer(exchange, 200, status);
        }
        case "DELETE" -> delete(exchange, collections, params.get("name"), "Could not find collection : ");
        case "CREATE" -> create(exchange, collections, params.get("name"), false, "collection already exists: ");
        default -> answer(exchange, 400, error(400, "unexpected"));
      }
    });
    solr.createContext("/solr/admin/configs", exchange -> {
      Map<String, String> params = params(exchange);
      requests.add("configs " + params.get("action"));
      switch (params.get("action")) {
        case "LIST" -> {
          NamedList<Object> sets = new NamedList<>();
          sets.add("configSets", new ArrayList<>(configSets));
          answer(exchange, 200, sets);
        }
        case "DELETE" -> delete(exchange, configSets, params.get("name"), "ConfigSet does not exist to delete: ");
        case "UPLOAD" -> {
          exchange.getRequestBody().readAllBytes();
          create(exchange, configSets, params.get("name"), "true".equals(params.get("overwrite")), "The configuration already exists: ");
        }
        default -> answer(exchange, 400, error(400, "unexpected"));
      }
    });
    solr.start();
    url = "http://127.0.0.1:" + solr.getAddress().getPort() + "/solr";
  }

  @AfterEach
  void stop() {
    solr.stop(0);
  }

  @Test
  void aDeleteRetriedAfterItsWorkWasDoneSucceeds() throws IOException {
    collections.add("news_1");
    configSets.add("news_1");
    requestsFailAfterWorking = true;
    try (SolrNodes nodes = new SolrNodes(List.of(url), 3, 1, 60_000)) {
      new SolrCollections(nodes, Path.of("index-config")).delete("news_1");
    }
    assertEquals(Set.of(), collections);
    assertEquals(Set.of(), configSets);
    assertEquals(2, requests.stream().filter(r -> r.equals("collections DELETE")).count(), requests.toString());
  }

  @Test
  void aCreateRetriedAfterItsWorkWasDoneSucceeds() throws IOException {
    requestsFailAfterWorking = true;
    try (SolrNodes nodes = new SolrNodes(List.of(url), 3, 1, 60_000)) {
      new SolrCollections(nodes, Path.of("index-config")).create("news_2", new SolrCollections.Layout(1, 1));
    }
    assertEquals(Set.of("news_2"), collections);
    assertEquals(Set.of("news_2"), configSets);
    assertEquals(2, requests.stream().filter(r -> r.equals("collections CREATE")).count(), requests.toString());
    assertEquals(2, requests.stream().filter(r -> r.equals("configs UPLOAD")).count(), requests.toString());
  }

  @Test
  void aDeleteRefusedWhileTheCollectionIsStillThereFails() throws IOException {
    collections.add("news_1");
    configSets.add("news_1");
    deletesAreRefused = true;
    try (SolrNodes nodes = new SolrNodes(List.of(url), 3, 1, 60_000)) {
      SolrCollections cluster = new SolrCollections(nodes, Path.of("index-config"));
      SolrNodes.SolrRequestException refused = assertThrows(SolrNodes.SolrRequestException.class, () -> cluster.delete("news_1"));
      assertEquals(400, refused.status());
    }
    assertEquals(Set.of("news_1"), collections);
  }

  private void delete(HttpExchange exchange, Set<String> names, String name, String notFound) throws IOException {
    if (deletesAreRefused) {
      answer(exchange, 400, error(400, "refused while busy: " + name));
    } else if (!names.remove(name)) {
      answer(exchange, 400, error(400, notFound + name));
    } else if (requestsFailAfterWorking) {
      answer(exchange, 500, error(500, "timed out waiting for the reply"));
    } else {
      answer(exchange, 200, new NamedList<>());
    }
  }

  /** Adds {@code name}: refused when it is there and may not be overwritten; a 500 after the work when asked. */
  private void create(HttpExchange exchange, Set<String> names, String name, boolean overwrite, String exists) throws IOException {
    boolean added = names.add(name);
    if (!added && !overwrite) {
      answer(exchange, 400, error(400, exists + name));
    } else if (added && requestsFailAfterWorking) {
      answer(exchange, 500, error(500, "timed out waiting for the reply"));
    } else {
      answer(exchange, 200, new NamedList<>());
    }
  }

  private static NamedList<Object> error(int code, String message) {
    NamedList<Object> error = new NamedList<>();
    error.add("msg", message);
    error.add("code", code);
    NamedList<Object> body = new NamedList<>();
    body.add("error", error);
    return body;
  }

  private static Map<String, String> params(HttpExchange exchange) {
    Map<String, String> params = new java.util.HashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static void answer(HttpExchange exchange, int status, NamedList<Object> body) throws IOException {
    SolrAnswers.answer(exchange, status, body);
  }
}
