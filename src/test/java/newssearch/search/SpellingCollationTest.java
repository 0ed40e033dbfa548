package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Did-you-mean for whole queries: several words corrected at once, the collation that finds most. */
class SpellingCollationTest extends SeedCorpusTest {
  @TempDir Path bbcDir;

  @Test
  void severalWordsAreCorrectedTogether() throws IOException {
    assertEquals("tsinghua university", searcher.search(SearchRequest.of("Tsinghau Universty")).suggestion());
    assertNull(searcher.search(SearchRequest.of("nvidia chips")).suggestion());
  }

  /** On the BBC News folder (optional: skipped without ../shared/datasets/bbc). */
  @Test
  void bbcNamesAndBrands() throws IOException {
    Assumptions.assumeTrue(TestCorpus.hasBbc(), "no BBC News dataset at " + TestCorpus.bbc() + ": skipped");
    try (ArticleSearcher bbc = TestCorpus.searcher(bbcDir, TestCorpus.bbc())) {
      assertEquals("tony blair", bbc.search(SearchRequest.of("tony blare")).suggestion());
      assertEquals("gordon brown", bbc.search(SearchRequest.of("gordon brwon")).suggestion());
    }
  }
}
