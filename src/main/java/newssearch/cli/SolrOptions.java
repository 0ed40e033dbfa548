package newssearch.cli;

import newssearch.search.solr.SolrNodes;
import picocli.CommandLine.Option;

/** Where a SolrCloud cluster is and which collection (alias) holds the articles. */
final class SolrOptions {
  @Option(names = "--solr", paramLabel = "URLS",
      description = "use a SolrCloud cluster instead of the embedded index: Solr node URLs, comma-separated"
          + " (http://host:8983/solr), where to start: requests go to the cluster's live nodes, read from Solr")
  String solr;

  @Option(names = "--collection", paramLabel = "NAME", defaultValue = "news",
      description = "with --solr: the collection alias (default: ${DEFAULT-VALUE})")
  String collection;

  boolean given() {
    return solr != null && !solr.isBlank();
  }

  SolrNodes nodes() {
    try {
      return SolrNodes.of(solr);
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError("--solr: " + e.getMessage());
    }
  }
}
