package newssearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import newssearch.index.IndexConfig;
import newssearch.search.SearchLimits;
import newssearch.search.solr.SolrCollections;
import newssearch.search.solr.SolrEngine;
import newssearch.search.solr.SolrNodes;
import newssearch.web.WebServer;

/**
 * {@code serve --solr}: the same page and JSON API, answered by a SolrCloud collection. The
 * server keeps no state, so several may run behind a load balancer.
 */
final class SolrServe {
  private SolrServe() {}

  static int run(IndexConfig config, SolrOptions solr, String host, int port, List<String> corsOrigins,
      newssearch.web.LoadLimits loadLimits, PrintWriter out) throws Exception {
    SolrNodes nodes = solr.nodes();
    SolrEngine engine = new SolrEngine(nodes, solr.collection, new SolrCollections(nodes, config.dir()),
        config.taxonomy(), config.analysis().query(), SearchLimits.DEFAULT, config.matching());
    int documents;
    try {
      documents = engine.documentCount();
    } catch (java.io.IOException e) {
      engine.close();
      throw new Failures.UserError("cannot reach collection '" + solr.collection + "' at " + nodes.baseUrls() + ": "
          + e.getMessage());
    }
    WebServer server = new WebServer(engine, corsOrigins).loadLimits(loadLimits).start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      engine.close();
      stopped.countDown();
    }));
    out.printf("news-search: serving %d articles of Solr collection %s at http://%s:%d/%n", documents, solr.collection,
        host.contains(":") ? "[" + host + "]" : host, server.port());
    out.flush();
    stopped.await();
    return 0;
  }
}
