package newssearch.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/** A local SolrCloud: embedded ZooKeeper and Solr nodes on free ports, in a temporary folder. */
public final class Cluster implements AutoCloseable {
  final MiniSolrCloudCluster solr;
  final Path dir;

  private Cluster(MiniSolrCloudCluster solr, Path dir) {
    this.solr = solr;
    this.dir = dir;
  }

  public static Cluster start(int nodes) throws Exception {
    Path dir = Files.createTempDirectory("news-search-solrcloud");
    return new Cluster(new MiniSolrCloudCluster.Builder(nodes, dir).build(), dir);
  }

  /** The nodes' URLs, comma-separated, as {@code --solr} takes them. */
  public String urls() {
    List<String> urls = solr.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString()).toList();
    return String.join(",", urls);
  }

  public JettySolrRunner node(int i) {
    return solr.getJettySolrRunner(i);
  }

  @Override
  public void close() throws Exception {
    solr.shutdown();
  }
}
