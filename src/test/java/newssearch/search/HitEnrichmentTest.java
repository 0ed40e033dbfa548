package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import newssearch.enrich.Entity;
import newssearch.enrich.TopicTag;
import org.junit.jupiter.api.Test;

/**
 * A hit shows the topics and entities of its article's enrichment (entities most mentioned
 * first), read from the fields stored for hits rather than from the enrichment JSON.
 */
class HitEnrichmentTest extends SeedCorpusTest {
  @Test
  void hitsShowTheTopicsAndEntitiesOfTheirArticle() throws IOException {
    SearchResult all = searcher.search(SearchRequest.browse().withPage(1, SearchRequest.MAX_SIZE));
    assertTrue(all.hits().size() > 10);
    int withEntities = 0;
    for (SearchResult.Hit h : all.hits()) {
      ArticleView view = searcher.article(h.id()).orElseThrow();
      assertEquals(view.topics().stream().map(TopicTag::id).toList(), h.topics(), h.id());
      List<SearchResult.EntityRef> expected = view.entities().stream()
          .sorted(Comparator.comparingInt((Entity e) -> -e.mentions().size()))
          .map(e -> new SearchResult.EntityRef(e.name(), e.type()))
          .toList();
      assertEquals(expected, h.entities(), h.id());
      withEntities += expected.isEmpty() ? 0 : 1;
    }
    assertTrue(withEntities > 5, "only " + withEntities + " hits name entities");
  }
}
