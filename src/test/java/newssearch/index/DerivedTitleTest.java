package newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import newssearch.search.ArticleSearcher;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SearchResult;
import newssearch.search.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A title derived from the lead sentence is shown but not searched as a headline. */
class DerivedTitleTest {
  @TempDir Path dir;

  @Test
  void aDerivedTitleIsNotAHeadline() throws IOException {
    String lead = "Regulators weighed the merger of two harbour operators.";
    List<Article> articles = List.of(
        new Article("derived", "Regulators weighed the merger of two harbour operators", Schema.DERIVED_TITLE,
            lead + " The decision is due in spring.", null, "", "", List.of(), "test"),
        new Article("headline", "Harbour operators plan a merger", "headline",
            "Two harbour operators said they would merge. Regulators will review it.", null, "", "", List.of(), "test"));
    IndexStore store = new IndexStore(dir);
    new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher()).build(store, articles, d -> {});
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(),
        TestCorpus.config().taxonomy())) {
      SearchResult inTitles = searcher.search(new SearchRequest("title:harbour", QuerySyntax.LUCENE, List.of(), List.of(),
          null, null, SortOrder.RELEVANCE, 1, 10));
      assertEquals(List.of("headline"), inTitles.hits().stream().map(SearchResult.Hit::id).toList());
      // Shown as its title all the same.
      SearchResult both = searcher.search(SearchRequest.of("harbour operators"));
      assertEquals(2, both.total());
      assertEquals("Regulators weighed the merger of two harbour operators",
          both.hits().stream().filter(h -> h.id().equals("derived")).findFirst().orElseThrow().title());
    }
  }
}
