package newssearch.cli;

import java.util.concurrent.Callable;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code news-search index}: builds the index from a corpus, replacing the served one when done. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Index a corpus (default: the bundled corpus). The previous index stays served until the new one is complete.")
final class IndexCommand implements Callable<Integer> {
  @Mixin Locations locations;
  @Mixin SolrOptions solr;

  @picocli.CommandLine.Option(names = "--shards", description = "with --solr: shards of the new collection (default: as the current one)")
  Integer shards;

  @picocli.CommandLine.Option(names = "--replicas", description = "with --solr: replicas of each shard (default: as the current one)")
  Integer replicas;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    IndexConfig config = IndexConfig.load(locations.configDir());
    if (solr.given()) {
      newssearch.search.solr.SolrCollections.Layout layout = shards == null && replicas == null ? null
          : new newssearch.search.solr.SolrCollections.Layout(shards == null ? 2 : shards, replicas == null ? 2 : replicas);
      SolrIndexRun.run(config, locations.corpusPaths(), locations.folderTopics, locations.followLinks, solr, layout,
          spec.commandLine().getOut(), spec.commandLine().getErr());
      return 0;
    }
    IndexRun.run(config, locations.corpusPaths(), locations.folderTopics, locations.followLinks, new IndexStore(locations.indexDir()),
        spec.commandLine().getOut(), spec.commandLine().getErr());
    return 0;
  }
}
