package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The query grammars, synonyms, limits and spelling suggestions, over the seed corpus. */
class SearchQueriesTest extends SeedCorpusTest {
  static SearchResult search(String q) throws IOException {
    return searcher.search(SearchRequest.of(q).withPage(1, 100));
  }

  static SearchResult lucene(String q) throws IOException {
    return searcher.search(new SearchRequest(q, QuerySyntax.LUCENE, List.of(), List.of(), null, null,
        SortOrder.RELEVANCE, 1, 100));
  }

  static String text(String id) throws IOException {
    ArticleView a = searcher.article(id).orElseThrow();
    return (a.title() + "\n" + a.text()).toLowerCase(Locale.ROOT);
  }

  @Test
  void theWordOrFindsEither() throws IOException {
    Set<String> either = new HashSet<>(ids(search("quantum")));
    either.addAll(ids(search("tiktok")));
    assertTrue(ids(search("quantum")).size() > 0 && ids(search("tiktok")).size() > 0);
    assertEquals(either, ids(search("quantum OR tiktok")));
    assertEquals(either, ids(search("quantum | tiktok")));
    assertEquals(Set.of(), ids(search("quantum tiktok")), "words without OR must all match");
  }

  @Test
  void excludedWordsAndNot() throws IOException {
    Set<String> huawei = ids(search("huawei"));
    Set<String> both = ids(search("huawei nvidia"));
    Set<String> expected = new HashSet<>(huawei);
    expected.removeAll(both);
    assertTrue(!both.isEmpty() && !expected.isEmpty());
    assertEquals(expected, ids(search("huawei -nvidia")));
    assertEquals(expected, ids(search("huawei NOT nvidia")));
    assertEquals(both, ids(search("huawei AND nvidia")));
  }

  @Test
  void strayQuotesAndParenthesesStillSearch() throws IOException {
    Set<String> quantum = ids(search("quantum computing"));
    assertTrue(!quantum.isEmpty());
    for (String q : List.of("\"quantum computing", "quantum computing\"", "(quantum computing", "quantum computing)",
        "((quantum computing", "quantum) computing(")) {
      assertEquals(quantum, ids(search(q)), q);
    }
    for (String q : List.of("\"", "(", ")", "-", "|", "~", "\"\"", "OR", "AND NOT")) {
      assertEquals(0, search(q).total(), q);
    }
    assertEquals(searcher.documentCount(), search("*").total(), "a lone * is every article");
  }

  @Test
  void phrasesAndPrefixes() throws IOException {
    SearchResult phrase = search("\"export controls\"");
    assertTrue(phrase.total() > 0);
    for (SearchResult.Hit h : phrase.hits()) {
      assertTrue(text(h.id()).contains("export controls"), h.id());
    }
    assertTrue(search("quant*").total() >= search("quantum").total());
    assertTrue(search("quant*").total() > 0);
  }

  @Test
  void querySynonymsFromTheConfig() throws IOException {
    assertEquals(ids(search("chips")), ids(search("semiconductors")));
    assertEquals(ids(search("AI")), ids(search("artificial intelligence")));
    for (var pair : List.of(List.of("LLM", "large language model"), List.of("EV", "electric vehicle"),
        List.of("US", "u.s."))) {
      Set<String> found = ids(search(pair.get(0)));
      SearchResult all = searcher.search(SearchRequest.browse().withPage(1, 100));
      int containing = 0;
      for (SearchResult.Hit h : all.hits()) {
        if (text(h.id()).contains(pair.get(1))) {
          containing++;
          assertTrue(found.contains(h.id()), pair + ": " + h.id());
        }
      }
      assertTrue(containing > 0, pair.toString());
    }
  }

  @Test
  void luceneSyntaxWithFieldsAndDates() throws IOException {
    SearchResult title = lucene("title:nvidia");
    assertTrue(title.total() > 0);
    for (SearchResult.Hit h : title.hits()) {
      assertTrue(h.title().toLowerCase(Locale.ROOT).contains("nvidia"));
    }
    SearchResult july = lucene("date:[2025-07 TO 2025-07]");
    assertTrue(july.total() > 0);
    july.hits().forEach(h -> assertTrue(h.date().startsWith("2025-07"), h.date()));
    assertTrue(lucene("nvidia OR quantum").total() > lucene("nvidia").total());
  }

  @Test
  void luceneSyntaxErrorsSayWhatAndWhere() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> lucene("nvidia AND (chips"));
    assertEquals("bad_query", e.code());
    assertTrue(e.getMessage().contains("column"), e.getMessage());
    assertThrows(InvalidRequestException.class, () -> lucene("*vidia"));
    assertThrows(InvalidRequestException.class, () -> lucene("date:[2025-13 TO 2026]"));
  }

  @Test
  void limitsRefuseCostlyQueries() {
    InvalidRequestException longQuery = assertThrows(InvalidRequestException.class,
        () -> search("nvidia ".repeat(700)));
    assertEquals("query_too_long", longQuery.code());
    // Many plain words are not refused (RelaxedMatchingTest); wildcards, which cost, are.
    StringBuilder wild = new StringBuilder();
    for (char c = 'a'; c <= 'l'; c++) {
      wild.append(c).append("b* ");
    }
    assertEquals("query_too_complex", assertThrows(InvalidRequestException.class, () -> search(wild.toString())).code());
    assertEquals("query_too_complex",
        assertThrows(InvalidRequestException.class, () -> lucene(wild.toString().strip().replace(" ", " OR "))).code());
  }

  @Test
  void spellingSuggestionWhenTheCorrectionFindsMore() throws IOException {
    assertEquals("nvidia", search("Nvida").suggestion());
    assertEquals("quantum", search("quantom").suggestion());
    assertEquals("nvidia chips", search("Nvida chips").suggestion());
    assertNull(search("nvidia").suggestion());
    assertNull(search("").suggestion());
  }
}
