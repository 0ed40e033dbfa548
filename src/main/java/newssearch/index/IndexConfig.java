package newssearch.index;

import java.nio.file.Path;
import newssearch.analysis.Analysis;
import newssearch.enrich.Enricher;
import newssearch.enrich.Gazetteer;
import newssearch.enrich.Taxonomy;
import newssearch.ingest.IngestRules;
import newssearch.search.MatchingRules;

/**
 * Everything a user tunes in {@code index-config/}, loaded and checked once at startup. A bad
 * file stops startup with a {@link newssearch.config.ConfigException} naming file and line.
 */
public record IndexConfig(Path dir, Analysis analysis, IngestRules ingest, Taxonomy taxonomy, Gazetteer gazetteer,
    MatchingRules matching) {

  /** A configuration with the default matching rules. */
  public IndexConfig(Path dir, Analysis analysis, IngestRules ingest, Taxonomy taxonomy, Gazetteer gazetteer) {
    this(dir, analysis, ingest, taxonomy, gazetteer, MatchingRules.DEFAULT);
  }

  public static IndexConfig load(Path dir) {
    Analysis analysis = Analysis.load(dir);
    return new IndexConfig(
        dir,
        analysis,
        IngestRules.load(dir),
        Taxonomy.load(dir, analysis.index()),
        Gazetteer.load(dir),
        MatchingRules.load(dir));
  }

  public Enricher enricher() {
    return new Enricher(taxonomy, gazetteer, analysis.index());
  }
}
