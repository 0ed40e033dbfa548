package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Filters and facets over the seed corpus: expectations come from the index's own counts, so
 * they hold whatever enrichment tags.
 */
class SearchFacetsTest extends SeedCorpusTest {
  static SearchResult run(List<String> topics, List<String> entities, List<String> types, List<String> sources)
      throws IOException {
    return searcher.search(new SearchRequest("", QuerySyntax.SIMPLE, topics, entities, types, sources, null, null,
        SortOrder.NEWEST, 1, 100, SearchRequest.DEFAULT_FACET_SIZE));
  }

  static long count(SearchResult r, String facet, String value) {
    return r.facets().get(facet).stream().filter(v -> v.value().equals(value)).mapToLong(SearchResult.FacetValue::count)
        .findFirst().orElse(-1);
  }

  @Test
  void valuesOfOneFacetCombineWithOrAndKeepTheirCounts() throws IOException {
    SearchResult all = run(List.of(), List.of(), List.of(), List.of());
    List<SearchResult.FacetValue> topics = all.facets().get("topic");
    assertTrue(topics.size() >= 2);
    String a = topics.get(0).value();
    String b = topics.get(topics.size() - 1).value();
    Set<String> either = new HashSet<>(ids(run(List.of(a), List.of(), List.of(), List.of())));
    either.addAll(ids(run(List.of(b), List.of(), List.of(), List.of())));
    SearchResult both = run(List.of(a, b), List.of(), List.of(), List.of());
    assertEquals(either, ids(both));
    assertEquals(count(all, "topic", a), count(both, "topic", a), "a selected facet keeps its own counts");
    assertEquals(count(all, "topic", b), count(both, "topic", b));
    assertTrue(both.facets().get("topic").stream().filter(v -> v.value().equals(a)).allMatch(SearchResult.FacetValue::selected));
  }

  @Test
  void differentFacetsCombineWithAnd() throws IOException {
    SearchResult all = run(List.of(), List.of(), List.of(), List.of());
    String topic = all.facets().get("topic").get(0).value();
    String entity = all.facets().get("entity").get(0).value();
    Set<String> expected = new HashSet<>(ids(run(List.of(topic), List.of(), List.of(), List.of())));
    expected.retainAll(ids(run(List.of(), List.of(entity), List.of(), List.of())));
    assertEquals(expected, ids(run(List.of(topic), List.of(entity), List.of(), List.of())));
  }

  @Test
  void selectedValuesAreListedEvenAtZero() throws IOException {
    SearchResult r = searcher.search(new SearchRequest("quantum", QuerySyntax.SIMPLE, List.of("no-such-topic"),
        List.of("No Such Entity"), List.of(), List.of("No Such Source"), null, null, SortOrder.RELEVANCE, 1, 10, 1));
    assertEquals(0, r.total());
    for (String[] f : List.of(new String[] {"topic", "no-such-topic"}, new String[] {"entity", "No Such Entity"},
        new String[] {"source", "No Such Source"})) {
      SearchResult.FacetValue v = r.facets().get(f[0]).stream().filter(x -> x.value().equals(f[1])).findFirst().orElseThrow();
      assertEquals(0, v.count());
      assertTrue(v.selected());
    }
  }

  @Test
  void sourceAndEntityTypeFilters() throws IOException {
    SearchResult all = run(List.of(), List.of(), List.of(), List.of());
    SearchResult.FacetValue source = all.facets().get("source").get(0);
    SearchResult bySource = run(List.of(), List.of(), List.of(), List.of(source.value()));
    assertEquals(source.count(), bySource.total());
    bySource.hits().forEach(h -> assertEquals(source.value(), h.source()));

    String type = all.facets().get("entity").get(0).type();
    SearchResult byType = run(List.of(), List.of(), List.of(type), List.of());
    assertTrue(byType.total() > 0);
    byType.hits().forEach(h -> assertTrue(h.entities().stream().anyMatch(e -> e.type().equals(type)), h.id()));
    byType.facets().get("entity").forEach(v -> assertEquals(type, v.type()));
  }

  @Test
  void facetSizeLimitsTheListedValues() throws IOException {
    SearchResult r = searcher.search(new SearchRequest("", QuerySyntax.SIMPLE, List.of(), List.of(), List.of(), List.of(),
        null, null, SortOrder.NEWEST, 1, 10, 2));
    assertTrue(r.facets().get("entity").size() <= 2);
    assertTrue(r.facets().get("topic").size() <= 2);
    assertThrows(InvalidRequestException.class, () -> new SearchRequest("", null, List.of(), List.of(), List.of(),
        List.of(), null, null, SortOrder.NEWEST, 1, 10, 0));
  }

  @Test
  void datesFilterByDayMonthOrYear() throws IOException {
    SearchResult july = searcher.search(new SearchRequest("", null, List.of(), List.of(), DateBounds.from("2025-07"),
        DateBounds.to("2025-07"), SortOrder.NEWEST, 1, 100));
    assertTrue(july.total() > 0);
    july.hits().forEach(h -> assertTrue(h.date().startsWith("2025-07")));
    assertEquals(LocalDate.of(2025, 2, 28), DateBounds.to("2025-02"));
    assertEquals(LocalDate.of(2024, 12, 31), DateBounds.to("2024"));
    for (String bad : List.of("2025-13", "2025-02-30", "25", "2025/01/01", "yesterday")) {
      assertThrows(InvalidRequestException.class, () -> DateBounds.from(bad), bad);
    }
    assertFalse(july.facets().containsKey("year"), "matches within one year list no year facet");
  }
}
