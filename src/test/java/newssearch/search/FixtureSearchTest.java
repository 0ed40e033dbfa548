package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour that needs articles written for it: proximity, years, time budget. */
class FixtureSearchTest {
  @TempDir static Path dir;
  static IndexStore store;
  static ArticleSearcher searcher;

  @BeforeAll
  static void open() throws IOException {
    store = TestCorpus.index(dir, fixture());
    searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy());
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  static Path fixture() {
    return TestCorpus.home().resolve("src/test/resources/search/fixture");
  }

  @Test
  void wordsTogetherRankAboveWordsApart() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("export controls"));
    assertEquals(2, r.total());
    assertEquals("Monday briefing", r.hits().get(0).title());
    assertEquals("Tuesday briefing", r.hits().get(1).title());
    assertTrue(r.hits().get(0).score() > r.hits().get(1).score());
  }

  @Test
  void yearsAreListedWhenMatchesSpanMoreThanTwoYears() throws IOException {
    SearchResult all = searcher.search(SearchRequest.browse());
    List<String> years = all.facets().get("year").stream().map(SearchResult.FacetValue::value).toList();
    assertEquals(List.of("2019", "2021", "2022", "2023", "2024"), years);
    SearchResult recent = searcher.search(new SearchRequest("", null, List.of(), List.of(), DateBounds.from("2021"),
        DateBounds.to("2022"), SortOrder.NEWEST, 1, 10));
    assertFalse(recent.facets().containsKey("year"));
  }

  @Test
  void aSearchOutOfTimeIsFlaggedPartial() throws IOException {
    try (ArticleSearcher hurried = ArticleSearcher.open(store, TestCorpus.config().analysis().query(),
        TestCorpus.config().taxonomy(), SearchLimits.DEFAULT.withTimeoutMillis(0))) {
      SearchResult r = hurried.search(SearchRequest.of("quantum OR export"));
      assertTrue(r.partial());
      assertFalse(r.totalExact());
      SearchResult filtered = hurried.search(new SearchRequest("quantum OR export", null, List.of(), List.of(), List.of(),
          List.of("Fixture Wire"), DateBounds.from("2019"), null, SortOrder.RELEVANCE, 1, 10, 10));
      assertTrue(filtered.partial(), "the budget holds for filtered searches too");
    }
    SearchResult full = searcher.search(SearchRequest.of("quantum OR export"));
    assertFalse(full.partial());
    assertEquals(3, full.total());
  }

  @Test
  void aTitleSharedByTwoArticlesIsCompletedOnce() throws IOException {
    List<Completion> cup = searcher.complete("cup fin", 8);
    assertEquals(List.of("Cup final goes to extra time"),
        cup.stream().filter(c -> c.kind().equals(Completion.TITLE)).map(Completion::text).toList());
  }

  @Test
  void relatedArticlesShareWords() throws IOException {
    String near = searcher.search(SearchRequest.of("Monday")).hits().get(0).id();
    List<RelatedArticle> related = searcher.related(near, 5).orElseThrow();
    assertFalse(related.isEmpty());
    assertEquals("Tuesday briefing", related.get(0).title(), "the other article on exports and officials");
    assertTrue(searcher.related("no-such-id", 5).isEmpty());
  }
}
