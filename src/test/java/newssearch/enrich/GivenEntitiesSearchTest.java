package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.Schema;
import newssearch.search.ArticleSearcher;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SearchResult;
import newssearch.search.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entities a JSON Lines corpus names are facets and filters of the index. */
class GivenEntitiesSearchTest {
  @TempDir
  Path dir;

  private static SearchResult search(ArticleSearcher searcher, List<String> entities) throws IOException {
    return searcher.search(new SearchRequest("", QuerySyntax.SIMPLE, List.of(), entities, null, null, SortOrder.NEWEST, 1, 10));
  }

  private static SearchResult.FacetValue facet(SearchResult r, String name) {
    return r.facets().get("entity").stream().filter(v -> v.value().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " in " + r.facets().get("entity")));
  }

  @Test
  void givenEntitiesAreFacetsAndFilters() throws IOException {
    Path corpus = TestCorpus.home().resolve("src/test/resources/enrich/given");
    try (ArticleSearcher searcher = TestCorpus.searcher(dir.resolve("index"), corpus)) {
      SearchResult all = search(searcher, List.of());
      assertEquals(2, all.total());
      assertEquals(1, facet(all, "Nvidia").count());
      assertEquals("org", facet(all, "Nvidia").type());
      assertEquals(1, facet(all, "Jane Example").count());
      assertEquals("person", facet(all, "Jane Example").type());
      for (String entity : List.of("Nvidia", "Jane Example")) {
        SearchResult filtered = search(searcher, List.of(entity));
        assertEquals(List.of("given-1"), filtered.hits().stream().map(SearchResult.Hit::id).toList(), entity);
      }
      List<Entity> entities = searcher.article("given-1").orElseThrow().entities();
      Entity nvidia = entities.stream().filter(e -> e.name().equals("Nvidia")).findFirst().orElseThrow();
      assertTrue(nvidia.given());
      assertEquals(List.of(new Mention("text", 0, 6)), nvidia.mentions());
      Entity jane = entities.stream().filter(e -> e.name().equals("Jane Example")).findFirst().orElseThrow();
      assertTrue(jane.given() && jane.mentions().isEmpty());
    }
  }

  @Test
  void enrichmentStoredBeforeGivenEntitiesStillReads() {
    String stored = "{\"topics\":[],\"entities\":[{\"name\":\"Nvidia\",\"type\":\"org\",\"discovered\":false,"
        + "\"mentions\":[{\"field\":\"text\",\"start\":0,\"end\":6}]}]}";
    Entity nvidia = Schema.enrichment(stored).entities().get(0);
    assertEquals(new Entity("Nvidia", "org", false, List.of(new Mention("text", 0, 6))), nvidia);
    assertFalse(nvidia.given());
  }
}
