package newssearch.cli;

import java.util.concurrent.Callable;
import newssearch.search.solr.SolrCollections;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code news-search solr-create}: uploads the configset generated from index-config/ and creates
 * an empty collection behind an alias, with the given shards and replicas. {@code index --solr}
 * then fills a new collection of the same shape and moves the alias to it.
 */
@Command(name = "solr-create", mixinStandardHelpOptions = true,
    description = "Upload the generated configset to a SolrCloud cluster and create a collection (behind an alias)"
        + " with N shards of M replicas.")
final class SolrCreateCommand implements Callable<Integer> {
  @Mixin Locations locations;
  @Mixin SolrOptions solr;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--shards", defaultValue = "2", description = "shards (default: ${DEFAULT-VALUE})")
  int shards;

  @Option(names = "--replicas", defaultValue = "2", description = "replicas of each shard (default: ${DEFAULT-VALUE})")
  int replicas;

  @Override
  public Integer call() throws Exception {
    if (!solr.given()) {
      throw new Failures.UserError("solr-create needs --solr URL");
    }
    SolrCollections.Layout layout;
    try {
      layout = new SolrCollections.Layout(shards, replicas);
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(e.getMessage());
    }
    try (var nodes = solr.nodes()) {
      SolrCollections collections = new SolrCollections(nodes, locations.configDir());
      if (collections.aliasTarget(solr.collection).isPresent()) {
        throw new Failures.UserError("collection '" + solr.collection + "' exists; index --solr rebuilds it");
      }
      String name = SolrCollections.generationName(solr.collection);
      collections.create(name, layout);
      collections.switchAlias(solr.collection, name);
      spec.commandLine().getOut().printf("news-search: created %s (%d shards x %d replicas) as %s%n",
          solr.collection, shards, replicas, name);
    }
    return 0;
  }
}
