package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the searcher works out once per index generation and keeps: the facet counts of browsing
 * every article, and the corrections of unknown words. Each must be that of the generation served.
 */
class GenerationMemoryTest {
  @TempDir Path dir;

  @Test
  void browseCountsAreExactAndFollowALiveIndexSwitch() throws IOException {
    try (ArticleSearcher searcher = open(TestCorpus.index(dir, TestCorpus.seedCorpus()))) {
      SearchResult before = searcher.search(SearchRequest.browse());
      assertEquals(searcher.documentCount(), before.total());
      assertCountsMatchFilteredSearches(searcher, before);
      assertEquals(before.facets(), searcher.search(SearchRequest.browse()).facets(), "asked again, the same counts");

      TestCorpus.index(dir, FixtureSearchTest.fixture());
      assertTrue(searcher.refresh());
      SearchResult after = searcher.search(SearchRequest.browse());
      assertEquals(searcher.documentCount(), after.total());
      assertNotEquals(before.total(), after.total());
      assertNotEquals(before.facets(), after.facets(), "the new generation's counts, not the old one's");
      assertCountsMatchFilteredSearches(searcher, after);
    }
  }

  @Test
  void eachFacetSizeListsItsOwnNumberOfValues() throws IOException {
    try (ArticleSearcher searcher = TestCorpus.searcher(dir, TestCorpus.seedCorpus())) {
      List<SearchResult.FacetValue> all = searcher.search(browse(SearchRequest.MAX_FACET_SIZE)).facets().get("entity");
      assertTrue(all.size() > 3, "the seed corpus names more than three entities");
      for (int size : new int[] {3, 1, 3, 2}) {
        List<SearchResult.FacetValue> top = searcher.search(browse(size)).facets().get("entity");
        assertEquals(all.subList(0, size), top);
      }
    }
  }

  @Test
  void correctionsFollowALiveIndexSwitch() throws IOException {
    try (ArticleSearcher searcher = open(TestCorpus.index(dir, FixtureSearchTest.fixture()))) {
      assertNull(searcher.search(SearchRequest.of("Nvida")).suggestion(), "no article names Nvidia yet");
      assertNull(searcher.search(SearchRequest.of("Nvida")).suggestion(), "asked again");
      assertEquals("stadium", searcher.search(SearchRequest.of("stadum")).suggestion());

      TestCorpus.index(dir, TestCorpus.seedCorpus());
      assertTrue(searcher.refresh());
      assertEquals("nvidia", searcher.search(SearchRequest.of("Nvida")).suggestion());
    }
  }

  private static ArticleSearcher open(IndexStore store) throws IOException {
    return ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy());
  }

  /** Each listed topic and source count is what filtering by that value alone finds. */
  private static void assertCountsMatchFilteredSearches(ArticleSearcher searcher, SearchResult browse) throws IOException {
    assertFalse(browse.facets().get("topic").isEmpty());
    for (SearchResult.FacetValue topic : browse.facets().get("topic")) {
      assertEquals(topic.count(), searcher.search(filtered(List.of(topic.value()), List.of())).total(), topic.value());
    }
    assertFalse(browse.facets().get("source").isEmpty());
    for (SearchResult.FacetValue source : browse.facets().get("source")) {
      assertEquals(source.count(), searcher.search(filtered(List.of(), List.of(source.value()))).total(), source.value());
    }
  }

  private static SearchRequest filtered(List<String> topics, List<String> sources) {
    return new SearchRequest("", QuerySyntax.SIMPLE, topics, List.of(), List.of(), sources, null, null, SortOrder.NEWEST,
        1, 10, SearchRequest.DEFAULT_FACET_SIZE);
  }

  private static SearchRequest browse(int facetSize) {
    return new SearchRequest("", QuerySyntax.SIMPLE, List.of(), List.of(), List.of(), List.of(), null, null,
        SortOrder.NEWEST, 1, 10, facetSize);
  }
}
