package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import newssearch.TestCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching, filtering and counting over the indexed seed corpus. */
class SeedSearchTest {
  @TempDir static Path indexDir;
  static ArticleSearcher searcher;

  @BeforeAll
  static void index() {
    searcher = TestCorpus.searcher(indexDir, TestCorpus.seedCorpus());
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  private static SearchRequest request(String q, List<String> topics, LocalDate from, LocalDate to, SortOrder sort) {
    return new SearchRequest(q, QuerySyntax.SIMPLE, topics, List.of(), from, to, sort, 1, 100);
  }

  private static String firstId(String q) throws IOException {
    return searcher.search(SearchRequest.of(q)).hits().get(0).id();
  }

  @Test
  void aTermOfOneArticleFindsItFirst() throws IOException {
    assertEquals("digital-watch-china-digest-2025-12-05", firstId("Zuchongzhi"));
    assertEquals("digital-watch-china-digest-2025-12-06", firstId("Tsinghua"));
    assertEquals("digital-watch-china-digest-2025-12-09", firstId("TikTok"));
    assertEquals("techtoday-waic-shanghai-2025-07", firstId("Unitree"));
    assertEquals("newscentral-xi-ai-chips-2025-04", firstId("Politburo"));
  }

  @Test
  void englishAnalysisFindsPossessivesFoldedAndStemmedForms() throws IOException {
    // "China’s" (curly apostrophe) is found as china, "AI²" as ai2, "robots" as robot.
    assertEquals("digital-watch-china-digest-2025-12-04", firstId("ai2"));
    // Every article that writes "China’s" (curly apostrophe) is found by "china", and the query
    // "China’s" is the query "china".
    java.util.Set<String> found = new java.util.HashSet<>();
    searcher.search(new SearchRequest("china", QuerySyntax.SIMPLE, List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, 100))
        .hits().forEach(h -> found.add(h.id()));
    List<String> possessive = TestCorpus.read(TestCorpus.seedCorpus()).stream()
        .filter(a -> a.text().contains("China’s")).map(a -> a.id()).toList();
    assertTrue(possessive.size() >= 5, "the seed corpus writes China’s often");
    assertTrue(found.containsAll(possessive), possessive + " not all in " + found);
    assertEquals(found.size(), searcher.search(SearchRequest.of("China’s")).total());
    assertEquals("digital-watch-china-digest-2025-12-04", firstId("robot ZhiCube"));
  }

  @Test
  void emptyQueryBrowsesEverythingNewestFirst() throws IOException {
    SearchResult all = searcher.search(request("", List.of(), null, null, SortOrder.NEWEST));
    assertEquals(12, all.total());
    assertEquals(12, all.hits().size());
    // By the date as far as it is known: a month-precise date sorts as its month's first day.
    List<String> dates = all.hits().stream()
        .map(h -> "month".equals(h.datePrecision()) ? h.date().substring(0, 8) + "01" : h.date()).toList();
    assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
    assertEquals("2025-04-26", dates.get(dates.size() - 1));
  }

  @Test
  void dateFacetAndSourceFacetCountExactly() throws IOException {
    SearchResult all = searcher.search(request("", List.of(), null, null, SortOrder.NEWEST));
    assertEquals(Map.of("2025-04", 1L, "2025-07", 1L, "2025-12", 10L), counts(all, "date"));
    assertEquals(List.of("2025-04", "2025-07", "2025-12"), all.facets().get("date").stream().map(SearchResult.FacetValue::value).toList());
    assertEquals(Map.of("Digital Watch", 10L, "TechToday", 1L, "News Central", 1L), counts(all, "source"));
  }

  @Test
  void dateFiltersAreInclusive() throws IOException {
    assertEquals(1, searcher.search(request("", List.of(), LocalDate.of(2025, 7, 25), LocalDate.of(2025, 7, 25), SortOrder.NEWEST)).total());
    assertEquals(2, searcher.search(request("", List.of(), null, LocalDate.of(2025, 7, 25), SortOrder.NEWEST)).total());
    assertEquals(5, searcher.search(request("", List.of(), LocalDate.of(2025, 12, 27), null, SortOrder.NEWEST)).total());
    assertEquals(0, searcher.search(request("", List.of(), LocalDate.of(2026, 1, 1), null, SortOrder.NEWEST)).total());
  }

  @Test
  void topicFacetCountsAgreeWithTheTopicsOfTheArticles() throws IOException {
    SearchResult all = searcher.search(request("", List.of(), null, null, SortOrder.NEWEST));
    Map<String, Long> expected = new HashMap<>();
    for (SearchResult.Hit hit : all.hits()) {
      hit.topics().forEach(t -> expected.merge(t, 1L, Long::sum));
    }
    assertEquals(expected, counts(all, "topic"));
    assertEquals(1L, expected.get("quantum"), "only the Zuchongzhi article is about quantum computing");
  }

  @Test
  void topicFilterKeepsExactlyTheTaggedArticlesAndTwoTopicsCombineWithOr() throws IOException {
    SearchResult all = searcher.search(request("", List.of(), null, null, SortOrder.NEWEST));
    long chips = all.hits().stream().filter(h -> h.topics().contains("chips")).count();
    long quantum = all.hits().stream().filter(h -> h.topics().contains("quantum")).count();
    long either = all.hits().stream().filter(h -> h.topics().contains("chips") || h.topics().contains("quantum")).count();
    SearchResult onlyChips = searcher.search(request("", List.of("chips"), null, null, SortOrder.NEWEST));
    assertEquals(chips, onlyChips.total());
    assertTrue(onlyChips.hits().stream().allMatch(h -> h.topics().contains("chips")));
    assertEquals(either, searcher.search(request("", List.of("chips", "quantum"), null, null, SortOrder.NEWEST)).total());
    assertTrue(either > chips && either > quantum);
    // The selected topic keeps the count it has without its own filter, as a multi-select facet should.
    assertEquals(counts(all, "topic").get("quantum"), counts(onlyChips, "topic").get("quantum"));
  }

  @Test
  void snippetsMarkTheMatchAndEscapeEverythingElse() throws IOException {
    SearchResult.Hit hit = searcher.search(SearchRequest.of("Zuchongzhi")).hits().get(0);
    assertTrue(hit.snippets().get(0).contains("<mark>Zuchongzhi</mark>"), hit.snippets().toString());
    for (String s : hit.snippets()) {
      assertEquals(s, s.replaceAll("<(?!/?mark>)", ""), "only <mark> tags: " + s);
    }
  }

  @Test
  void articleLookupReturnsTheWholeArticle() throws IOException {
    ArticleView xi = searcher.article("newscentral-xi-ai-chips-2025-04").orElseThrow();
    assertEquals("Xi Urges China To Overcome AI Chip Challenges", xi.title());
    assertEquals("2025-04-26", xi.date());
    assertEquals("News Central", xi.source());
    assertTrue(xi.text().contains("Politburo"));
    assertTrue(searcher.article("no-such-article").isEmpty());
  }

  @Test
  void luceneSyntaxErrorsAreInvalidRequests() {
    SearchRequest bad = new SearchRequest("title:(nvidia", QuerySyntax.LUCENE, List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, 10);
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> searcher.search(bad));
    assertEquals("bad_query", e.code());
  }

  private static Map<String, Long> counts(SearchResult result, String facet) {
    return result.facets().get(facet).stream()
        .collect(Collectors.toMap(SearchResult.FacetValue::value, SearchResult.FacetValue::count));
  }
}
