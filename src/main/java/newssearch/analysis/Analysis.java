package newssearch.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;

/**
 * The analyzers of the text fields: one for indexing and one for queries. The query analyzer
 * is the index chain plus what only makes sense at query time (synonyms), and falls back to the
 * index analyzer when {@code query-analyzer.conf} is absent.
 */
public record Analysis(Analyzer index, Analyzer query) {

  public static final String INDEX_FILE = "analyzer.conf";
  public static final String QUERY_FILE = "query-analyzer.conf";

  public static Analysis load(Path configDir) {
    Analyzer index = AnalyzerSpec.load(configDir.resolve(INDEX_FILE));
    Path queryFile = configDir.resolve(QUERY_FILE);
    Analyzer query = Files.exists(queryFile) ? AnalyzerSpec.load(queryFile) : index;
    return new Analysis(index, query);
  }
}
