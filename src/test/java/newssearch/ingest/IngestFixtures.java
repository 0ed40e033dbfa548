package newssearch.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import newssearch.TestCorpus;

/** The ingest fixtures in {@code src/test/resources/ingest} and ways to read them. */
final class IngestFixtures {
  /** The size limit the fixtures are read with: {@code bad/big.txt} is over it, everything else under. */
  static final long TEST_LIMIT = 4096;

  private IngestFixtures() {}

  static Path dir(String name) {
    return TestCorpus.home().resolve("src/test/resources/ingest").resolve(name);
  }

  /** The project's ingest rules with the fixtures' size limit. */
  static IngestRules rules() {
    IngestRules project = TestCorpus.config().ingest();
    return new IngestRules(project.digestSeparators(), project.dropLines(), TEST_LIMIT);
  }

  static List<Article> read(IngestReport report, boolean folderTopics, Path... roots) {
    return CorpusReader.standard(rules(), folderTopics).read(List.of(roots), report);
  }

  /** What reading {@code roots} gave: the report, the articles in order, and the articles by id. */
  record Ingested(IngestReport report, List<Article> articles, Map<String, Article> byId) {}

  static Ingested ingest(CorpusReader reader, Path... roots) {
    IngestReport report = new IngestReport();
    List<Article> articles = reader.read(List.of(roots), report);
    return new Ingested(report, articles, byId(articles));
  }

  /** The fixtures folder {@code name}, read with the fixtures' rules and folder topics off. */
  static Ingested ingest(String name) {
    return ingest(CorpusReader.standard(rules(), false), dir(name));
  }

  static Map<String, Article> byId(List<Article> articles) {
    return articles.stream().collect(Collectors.toMap(Article::id, Function.identity()));
  }
}
