package newssearch.search;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import newssearch.TestCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that search the seed corpus: one index and searcher per test class. */
abstract class SeedCorpusTest {
  @TempDir static Path dir;
  static ArticleSearcher searcher;

  @BeforeAll
  static void open() {
    searcher = TestCorpus.searcher(dir, TestCorpus.seedCorpus());
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  static Set<String> ids(SearchResult r) {
    Set<String> ids = new HashSet<>();
    r.hits().forEach(h -> ids.add(h.id()));
    return ids;
  }
}
