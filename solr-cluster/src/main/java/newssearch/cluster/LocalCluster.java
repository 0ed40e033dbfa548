package newssearch.cluster;

import java.util.concurrent.CountDownLatch;

/**
 * A local SolrCloud for trying cluster mode on one machine: embedded ZooKeeper and N Solr nodes
 * (default 2) on free ports. Prints the nodes' URLs ({@code --solr} of the product) and runs until
 * stopped. Not for production: there, start Solr with its own scripts (see the README).
 */
public final class LocalCluster {
  private LocalCluster() {}

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Cluster cluster = Cluster.start(nodes);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        cluster.close();
      } catch (Exception e) {
        System.err.println("cluster: " + e.getMessage());
      }
      stopped.countDown();
    }));
    System.out.println("solr: " + cluster.urls());
    System.out.flush();
    stopped.await();
  }
}
