package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections come from the vocabulary of the generation served, even for words asked before. */
class SpellingSuggestionTest {
  @TempDir Path dir;

  @Test
  void aLiveIndexSwitchBringsTheNewVocabulary() throws IOException {
    IndexStore store = TestCorpus.index(dir, FixtureSearchTest.fixture());
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(),
        TestCorpus.config().taxonomy())) {
      assertNull(searcher.search(SearchRequest.of("Nvida")).suggestion(), "no article names Nvidia yet");
      assertNull(searcher.search(SearchRequest.of("Nvida")).suggestion(), "asked again");
      assertEquals("stadium", searcher.search(SearchRequest.of("stadum")).suggestion());

      TestCorpus.index(dir, TestCorpus.seedCorpus());
      assertTrue(searcher.refresh());
      assertEquals("nvidia", searcher.search(SearchRequest.of("Nvida")).suggestion());
    }
  }
}
