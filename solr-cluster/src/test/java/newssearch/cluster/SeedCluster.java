package newssearch.cluster;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One SolrCloud (embedded ZooKeeper, 2 Solr nodes, a collection of 2 shards x 2 replicas behind
 * the alias {@value #ALIAS}) holding the bundled corpus, with {@code serve --solr} over it and
 * {@code serve} over the embedded index of the same corpus: started once for every test class
 * of the module ({@link ClusterSuite} stops it; a class run alone stops it when the JVM exits).
 */
final class SeedCluster {
  static final String ALIAS = "news";
  static Cluster cluster;
  static Path work;
  static Product.Server solr;
  static Product.Server lucene;
  private static boolean stopped;

  private SeedCluster() {}

  static synchronized void start() throws Exception {
    if (cluster != null) {
      return;
    }
    cluster = Cluster.start(2);
    Runtime.getRuntime().addShutdownHook(new Thread(SeedCluster::stop));
    work = Files.createTempDirectory("news-search-cluster-test");
    Product.Run created = Product.run("solr-create", "--solr", cluster.urls(), "--collection", ALIAS,
        "--shards", "2", "--replicas", "2");
    assertEquals(created.out(), 0, created.status());
    Product.Run indexed = Product.run("index", "--solr", cluster.urls(), "--collection", ALIAS);
    assertEquals(indexed.out(), 0, indexed.status());
    // Room for every connection of the load tests: they look for failed searches, not for the
    // 503s with which a server sheds load beyond its limit.
    solr = Product.serve("--solr", cluster.urls(), "--collection", ALIAS, "--max-concurrent", "32");
    lucene = Product.serve("--index", work.resolve("index").toString());
  }

  static synchronized void stop() {
    if (stopped || cluster == null) {
      return;
    }
    stopped = true;
    for (Product.Server s : new Product.Server[] {solr, lucene}) {
      if (s != null) {
        s.close();
      }
    }
    // Every assertion has run by now: the test framework's own shutdown of ZooKeeper and the
    // Solr nodes is not what these tests check, so its failure is reported, not counted.
    try {
      cluster.close();
    } catch (Exception e) {
      // MiniSolrCloudCluster gathers each node's failure to stop as a suppressed exception:
      // print them, so that what failed is known.
      System.err.println("warning: the test cluster did not shut down cleanly: " + e);
      for (Throwable node : e.getSuppressed()) {
        System.err.println("  a node: " + node);
        for (StackTraceElement frame : java.util.Arrays.copyOf(node.getStackTrace(), Math.min(8, node.getStackTrace().length))) {
          System.err.println("    at " + frame);
        }
      }
    }
  }
}
