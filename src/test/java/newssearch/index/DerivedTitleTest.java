package newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    String title = "Regulators weighed the merger of two harbour operators";
    String text = title + ". The decision is due in spring.";
    // The same article twice: once with its lead sentence as a derived title, once with the
    // same words as a published headline.
    List<Article> articles = List.of(
        new Article("derived", title, Schema.DERIVED_TITLE, text, null, "", "", List.of(), "test"),
        new Article("headline", title, "metadata", text, null, "", "", List.of(), "test"));
    IndexStore store = new IndexStore(dir);
    new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher()).build(store, articles, d -> {});
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(),
        TestCorpus.config().taxonomy())) {
      SearchResult r = searcher.search(SearchRequest.of("harbour"));
      assertEquals(List.of("headline", "derived"), r.hits().stream().map(SearchResult.Hit::id).toList());
      assertTrue(r.hits().get(0).score() > r.hits().get(1).score(), "only a headline gets the headline's weight");
      assertEquals(title, r.hits().get(1).title(), "a derived title is still shown");
      assertTrue(r.hits().get(1).titleHtml().contains("<mark>harbour</mark>"), r.hits().get(1).titleHtml());
      SearchResult inTitles = searcher.search(new SearchRequest("title:harbour", QuerySyntax.LUCENE, List.of(), List.of(),
          null, null, SortOrder.RELEVANCE, 1, 10));
      assertEquals(2, inTitles.total(), "title: still searches every title");
    }
  }
}
