package newssearch.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A rebuild while searches run, and a node lost while indexing: searches never fail, and
 * indexing loses nothing.
 */
public class ClusterFailureTest {
  @BeforeClass
  public static void start() throws Exception {
    SeedCluster.start();
  }

  /**
   * Two rebuilds ({@code index --solr}: a new collection, then the alias moved to it) while 16
   * connections search through {@code serve --solr}: no search fails, and the totals move from
   * the old corpus to the new one and back.
   */
  @Test
  public void anAliasSwitchUnderLoadFailsNoSearch() throws Exception {
    String browse = SeedCluster.solr.url + "/api/search?size=1";
    long full = Http.json(browse).get("total").asLong();
    Path smaller = Files.createTempDirectory(SeedCluster.work, "smaller");
    for (String name : List.of("newscentral-xi-ai-chips-2025-04.txt", "newscentral-xi-ai-chips-2025-04.meta.json")) {
      Files.copy(Product.home().resolve("corpus").resolve(name), smaller.resolve(name));
    }
    List<String> queries = List.of("size=1", "q=china", "q=nvidia&topic=chips", "q=ai+chips", "q=huawei&sort=date",
        "q=" + Http.enc("what did huawei say about chips"));
    Set<Long> browseTotals = new ConcurrentSkipListSet<>();
    Load load = new Load(16, i -> SeedCluster.solr.url + "/api/search?" + queries.get(i % queries.size()), (url, body) -> {
      if (url.endsWith("?size=1")) {
        browseTotals.add(Http.JSON.readTree(body).get("total").asLong());
      }
    });
    long smallerTotal;
    try {
      load.awaitAnswers(32);
      Product.Run rebuilt = Product.run("index", "--solr", SeedCluster.cluster.urls(), "--collection", SeedCluster.ALIAS,
          "--corpus", smaller.toString());
      assertEquals(rebuilt.out(), 0, rebuilt.status());
      smallerTotal = Http.json(browse).get("total").asLong();
      load.awaitAnswers(load.answered() + 48);
      Product.Run restored = Product.run("index", "--solr", SeedCluster.cluster.urls(), "--collection", SeedCluster.ALIAS);
      assertEquals(restored.out(), 0, restored.status());
      load.awaitAnswers(load.answered() + 48);
    } finally {
      load.stop();
    }
    System.out.printf("two alias switches under 16-connection load: %d searches answered, %d failed; browse totals seen %s%n",
        load.answered(), load.failures().size(), browseTotals);
    assertEquals(load.failures().toString(), 0, load.failures().size());
    assertTrue("the smaller corpus has fewer articles", smallerTotal > 0 && smallerTotal < full);
    assertEquals("searches saw the old corpus, then the new one", Set.of(full, smallerTotal), new TreeSet<>(browseTotals));
    assertEquals(full, Http.json(browse).get("total").asLong());
  }

  /**
   * A Solr node stops while {@code index --solr} sends a larger corpus to a new collection and
   * 16 connections search the served one through two servers, one of them given only the URL of
   * the node that stops: every search is answered (by the replicas on the other node; the product
   * follows the cluster's live nodes and fails over between them, Solr between replicas), and the run retries,
   * completes, and the new collection holds every article. The node is started again afterwards.
   */
  @Test
  public void aNodeStoppedDuringIndexingAndSearchingLosesNothing() throws Exception {
    int copies = 40;
    Path corpus = Files.createTempDirectory(SeedCluster.work, "copies");
    List<Path> seed;
    try (var files = Files.list(Product.home().resolve("corpus"))) {
      seed = files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList();
    }
    for (int c = 0; c < copies; c++) {
      for (Path f : seed) {
        String name = String.format("copy%03d-%s", c, f.getFileName());
        Files.copy(f, corpus.resolve(name));
        Path meta = f.resolveSibling(f.getFileName().toString().replace(".txt", ".meta.json"));
        if (Files.exists(meta)) {
          Files.copy(meta, corpus.resolve(name.replace(".txt", ".meta.json")));
        }
      }
    }
    long expected = copies * Http.json(SeedCluster.lucene.url + "/api/health").get("documents").asLong();
    String served = Http.json(SeedCluster.solr.url + "/api/search?size=1").get("index_version").asText();
    String alias = "copies";
    List<String> queries = List.of("q=china", "q=nvidia&topic=chips", "q=ai+chips", "", "q=huawei&sort=date",
        "entity_type=org", "q=" + Http.enc("what did huawei say about chips"));
    // A second server is given only the URL of the node that will stop: it must follow the
    // cluster's live nodes, not the URL it was given.
    String leaving = SeedCluster.cluster.node(1).getBaseUrl().toString();
    // Like the first, it takes the whole load without shedding it (see SeedCluster).
    Product.Server oneUrl = Product.serve("--solr", leaving, "--collection", SeedCluster.ALIAS, "--max-concurrent", "32");
    Load load = new Load(16, i -> (i % 2 == 0 ? SeedCluster.solr.url : oneUrl.url) + "/api/search?"
        + queries.get(i / 2 % queries.size()), (url, body) -> {});
    Path log = corpus.resolveSibling("copies-index.log");
    Process indexing = null;
    JettySolrRunner stopped = null;
    String node = SeedCluster.cluster.node(0).getBaseUrl().toString();
    try {
      load.awaitAnswers(32);
      indexing = Product.start(log, "index", "--solr", SeedCluster.cluster.urls(), "--collection", alias,
          "--shards", "2", "--replicas", "2", "--corpus", corpus.toString());
      // Once the new collection is up, and before the run ends, one node goes.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!activeCollection(alias + "_") && indexing.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue("indexing ended before a node could be stopped during it: " + Files.readString(log), indexing.isAlive());
      stopped = SeedCluster.cluster.solr.getJettySolrRunner(1);
      try {
        SeedCluster.cluster.solr.stopJettySolrRunner(stopped);
      } catch (Exception e) {
        // Under load, Solr's own shutdown can time out waiting for one of its update threads
        // (Jetty reports a MultiException); the node has left all the same, which the wait
        // below checks, and it is started again at the end either way.
        System.out.println("stopping the node reported: " + e);
      }
      SeedCluster.cluster.solr.waitForJettyToStop(stopped);
      boolean stoppedDuringIndexing = indexing.isAlive();
      load.awaitAnswers(load.answered() + 48);
      assertTrue("indexing did not finish", indexing.waitFor(5, TimeUnit.MINUTES));
      assertEquals(Files.readString(log), 0, indexing.exitValue());
      long count = Http.json(node + "/" + alias + "/select?q=*:*&rows=0&wt=json").get("response").get("numFound").asLong();
      load.stop();
      System.out.printf("node stopped during indexing of %d articles (still running then: %s) and under 16-connection"
          + " search load on two servers (one given only the stopped node's URL): %d in the collection; %d searches"
          + " answered, %d failed%n", expected, stoppedDuringIndexing, count, load.answered(), load.failures().size());
      assertEquals(load.failures().toString(), 0, load.failures().size());
      assertEquals("every article is in the collection", expected, count);
    } finally {
      load.stop();
      oneUrl.close();
      if (indexing != null) {
        indexing.destroyForcibly();
      }
      if (stopped != null) {
        SeedCluster.cluster.solr.startJettySolrRunner(stopped);
        SeedCluster.cluster.solr.waitForActiveCollection(served, 120, TimeUnit.SECONDS, 2, 4);
      }
      // Less for the cluster to shut down.
      Http.get(node + "/admin/collections?action=DELETEALIAS&name=" + alias);
      for (var it = collections(); it.hasNext(); ) {
        String name = it.next().getKey();
        if (name.startsWith(alias + "_")) {
          Http.get(node + "/admin/collections?action=DELETE&name=" + name);
        }
      }
    }
  }

  private static java.util.Iterator<java.util.Map.Entry<String, JsonNode>> collections() throws Exception {
    String node = SeedCluster.cluster.node(0).getBaseUrl().toString();
    return Http.json(node + "/admin/collections?action=CLUSTERSTATUS&wt=json").get("cluster").get("collections").fields();
  }

  /** Whether a collection whose name starts with {@code prefix} has every replica active. */
  private static boolean activeCollection(String prefix) throws Exception {
    for (var it = collections(); it.hasNext(); ) {
      var c = it.next();
      if (!c.getKey().startsWith(prefix)) {
        continue;
      }
      int active = 0;
      for (JsonNode shard : c.getValue().get("shards")) {
        for (JsonNode replica : shard.get("replicas")) {
          active += "active".equals(replica.get("state").asText()) ? 1 : 0;
        }
      }
      return active == 4;
    }
    return false;
  }

  /** Searches from {@code connections} threads until stopped, counting answers and failures. */
  static final class Load {
    interface Urls {
      String url(int i);
    }

    interface Answers {
      void answer(String url, String body) throws Exception;
    }

    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> clients = new ArrayList<>();

    Load(int connections, Urls urls, Answers answers) {
      for (int c = 0; c < connections; c++) {
        int first = c;
        Thread t = new Thread(() -> {
          for (int i = first; !stop.get(); i++) {
            String url = urls.url(i);
            try {
              var response = Http.get(url);
              if (response.statusCode() == 200) {
                answers.answer(url, response.body());
                answered.incrementAndGet();
              } else {
                failures.add(url + " -> " + response.statusCode() + " " + response.body());
              }
            } catch (Exception e) {
              failures.add(url + " -> " + e);
            }
            pause();
          }
        });
        t.start();
        clients.add(t);
      }
    }

    /**
     * A short pause between a connection's searches: 16 connections stay open and busy, and the
     * rebuild or indexing under test still gets a share of a small machine's cores.
     */
    private static void pause() {
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static final long PAUSE_MILLIS = 10;

    int answered() {
      return answered.get();
    }

    List<String> failures() {
      return failures;
    }

    /** Waits until {@code n} searches were answered (at most three minutes; the machine may be busy). */
    void awaitAnswers(int n) throws InterruptedException {
      long deadline = System.nanoTime() + 180_000_000_000L;
      while (answered.get() < n && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue("only " + answered.get() + " of " + n + " searches answered in three minutes", answered.get() >= n);
    }

    /** Stops the connections; again is harmless. */
    void stop() throws InterruptedException {
      stop.set(true);
      for (Thread t : clients) {
        t.join(120_000);
      }
    }
  }
}
