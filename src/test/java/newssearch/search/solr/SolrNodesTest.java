package newssearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.request.SolrPing;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

/** Reading a cluster's live nodes, and what happens when none can be reached. */
class SolrNodesTest {

  @Test
  void aNodeNameIsHostPortAndTheEncodedPath() {
    assertEquals("http://10.0.0.5:8983/solr", SolrNodes.baseUrl("10.0.0.5:8983_solr", "http"));
    assertEquals("https://solr-2.example.org:8984/search/solr",
        SolrNodes.baseUrl("solr-2.example.org:8984_search%2Fsolr", "https"));
    assertEquals("http://[::1]:8983/solr", SolrNodes.baseUrl("[::1]:8983_solr", "http"));
  }

  @Test
  void theLiveNodesOfAClusterStatusAnswerInNameOrder() {
    NamedList<Object> cluster = new NamedList<>();
    cluster.add("live_nodes", List.of("127.0.0.1:40002_solr", "127.0.0.1:40001_solr"));
    NamedList<Object> status = new NamedList<>();
    status.add("cluster", cluster);
    assertEquals(List.of("http://127.0.0.1:40001/solr", "http://127.0.0.1:40002/solr"), SolrNodes.liveNodes(status, "http"));
    NamedList<Object> asMap = new NamedList<>();
    asMap.add("cluster", Map.of("live_nodes", List.of("h:1_solr")));
    assertEquals(List.of("http://h:1/solr"), SolrNodes.liveNodes(asMap, "http"));
    assertEquals(List.of(), SolrNodes.liveNodes(new NamedList<>(), "http"));
  }

  @Test
  void withNoNodeToAskTheGivenUrlsStayAndTheRequestFailsAfterItsRounds() {
    // Port 9 (discard) on loopback: refused at once.
    try (SolrNodes nodes = new SolrNodes(List.of("http://127.0.0.1:9/solr"), 2, 1)) {
      assertThrows(IOException.class,
          () -> nodes.request(new org.apache.solr.client.solrj.request.SolrPing(), "news"));
      assertEquals(List.of("http://127.0.0.1:9/solr"), nodes.liveUrls());
    }
  }

  @Test
  void readingTheLiveNodesAgainDoesNotHoldUpRequests() throws Exception {
    HttpServer solr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    solr.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    String self = "127.0.0.1:" + solr.getAddress().getPort() + "_solr";
    AtomicInteger statusCalls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean laterStatusAnswered = new AtomicBoolean();
    solr.createContext("/solr/admin/collections", exchange -> {
      // The first reading answers at once; a later one hangs until the test lets it go.
      if (statusCalls.incrementAndGet() > 1) {
        await(release);
        laterStatusAnswered.set(true);
      }
      NamedList<Object> cluster = new NamedList<>();
      cluster.add("live_nodes", List.of(self));
      NamedList<Object> status = new NamedList<>();
      status.add("cluster", cluster);
      answer(exchange, status);
    });
    solr.createContext("/solr/news/admin/ping", exchange -> {
      NamedList<Object> ok = new NamedList<>();
      ok.add("status", "OK");
      answer(exchange, ok);
    });
    solr.start();
    String url = "http://127.0.0.1:" + solr.getAddress().getPort() + "/solr";
    try (SolrNodes nodes = new SolrNodes(List.of(url), 2, 1, 0)) {
      nodes.request(new SolrPing(), "news");
      assertEquals(1, statusCalls.get(), "the first request reads the live nodes first");
      nodes.request(new SolrPing(), "news");
      nodes.request(new SolrPing(), "news");
      assertFalse(laterStatusAnswered.get(), "requests were answered while the reading was still waiting");
      release.countDown();
      for (int i = 0; i < 100 && !laterStatusAnswered.get(); i++) {
        Thread.sleep(20);
      }
      assertTrue(laterStatusAnswered.get());
      assertEquals(List.of(url), nodes.liveUrls());
    } finally {
      release.countDown();
      solr.stop(0);
    }
  }

  @Test
  void aNotFoundFromOneNodeIsAskedOfTheOthersAndABadRequestIsNot() throws Exception {
    // Two nodes of one cluster: "stopping" has closed its cores and answers 404 (or 400 when
    // asked so), "serving" answers.
    HttpServer stopping = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpServer serving = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> names = List.of("127.0.0.1:" + stopping.getAddress().getPort() + "_solr",
        "127.0.0.1:" + serving.getAddress().getPort() + "_solr");
    AtomicInteger stoppingAsked = new AtomicInteger();
    AtomicInteger servingAsked = new AtomicInteger();
    AtomicBoolean badRequest = new AtomicBoolean();
    AtomicBoolean servingGone = new AtomicBoolean();
    for (HttpServer node : List.of(stopping, serving)) {
      node.createContext("/solr/admin/collections", exchange -> {
        NamedList<Object> cluster = new NamedList<>();
        cluster.add("live_nodes", names);
        NamedList<Object> status = new NamedList<>();
        status.add("cluster", cluster);
        answer(exchange, status);
      });
    }
    stopping.createContext("/solr/news/admin/ping", exchange -> {
      stoppingAsked.incrementAndGet();
      SolrAnswers.answer(exchange, badRequest.get() ? 400 : 404, new NamedList<>());
    });
    serving.createContext("/solr/news/admin/ping", exchange -> {
      servingAsked.incrementAndGet();
      if (servingGone.get()) {
        SolrAnswers.answer(exchange, 404, new NamedList<>());
        return;
      }
      NamedList<Object> ok = new NamedList<>();
      ok.add("status", "OK");
      answer(exchange, ok);
    });
    stopping.start();
    serving.start();
    String url = "http://127.0.0.1:" + stopping.getAddress().getPort() + "/solr";
    try (SolrNodes nodes = new SolrNodes(List.of(url), 2, 1, 60_000)) {
      for (int i = 0; i < 4; i++) {
        assertEquals("OK", nodes.request(new SolrPing(), "news").get("status"));
      }
      assertTrue(stoppingAsked.get() > 0, "the stopping node was asked first in turn at least once");
      assertEquals(4, servingAsked.get());

      servingGone.set(true);
      SolrNodes.SolrRequestException everywhere = assertThrows(SolrNodes.SolrRequestException.class,
          () -> nodes.request(new SolrPing(), "news"));
      assertEquals(404, everywhere.status(), "a 404 from every node is the answer, at once");

      servingGone.set(false);
      badRequest.set(true);
      int before = servingAsked.get();
      int refused = 0;
      for (int i = 0; i < 4; i++) {
        try {
          nodes.request(new SolrPing(), "news");
        } catch (SolrNodes.SolrRequestException e) {
          assertEquals(400, e.status());
          refused++;
        }
      }
      assertTrue(refused > 0, "a bad request is not asked again elsewhere");
      assertEquals(4 - refused, servingAsked.get() - before);
    } finally {
      stopping.stop(0);
      serving.stop(0);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, NamedList<Object> body) throws IOException {
    SolrAnswers.answer(exchange, 200, body);
  }
}
