package newssearch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import newssearch.search.solr.SolrConfigSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code news-search solr-config --out DIR}: writes the Solr configset generated from the schema and index-config/. */
@Command(name = "solr-config", mixinStandardHelpOptions = true,
    description = "Write a Solr configset (managed-schema.xml, solrconfig.xml and the files the analysis chains name)"
        + " generated from the schema and index-config/, so Solr analyses text as the embedded engine does.")
final class SolrConfigCommand implements Callable<Integer> {
  @Mixin Locations locations;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write the configset into")
  Path out;

  @Override
  public Integer call() throws Exception {
    var written = new SolrConfigSet(locations.configDir()).write(out);
    spec.commandLine().getOut().printf("news-search: wrote a Solr configset of %d files to %s%n", written.size(), out);
    return 0;
  }
}
