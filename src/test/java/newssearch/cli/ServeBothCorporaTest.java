package newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.search.ArticleSearcher;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SearchResult;
import newssearch.search.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve --folder-topics --corpus <bbc> --corpus news.jsonl} indexes: both corpora, each
 * with its titles, dates and topics. Runs the same indexing command line as {@code serve}.
 */
class ServeBothCorporaTest {
  @TempDir static Path tmp;
  private static ArticleSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    if (!TestCorpus.hasBbc()) {
      return; // each test then reports itself skipped, with the reason (see present())
    }
    Path jsonl = TestCorpus.home().resolve("src/test/resources/ingest/formats/news.jsonl");
    Path index = tmp.resolve("index");
    int status = Main.run("index", "--folder-topics", "--config", TestCorpus.configDir().toString(),
        "--corpus", TestCorpus.bbc().toString(), "--corpus", jsonl.toString(), "--index", index.toString());
    assertEquals(0, status);
    IndexConfig c = TestCorpus.config();
    searcher = ArticleSearcher.open(new IndexStore(index), c.analysis().query(), c.taxonomy());
  }

  @AfterAll
  static void close() {
    if (searcher != null) {
      searcher.close();
    }
  }

  /** Reported per test, so that a run without the dataset lists these tests as skipped and says why. */
  @BeforeEach
  void present() {
    assumeTrue(TestCorpus.hasBbc(), TestCorpus.bbcAbsent());
  }

  @Test
  void bothCorporaAreIndexed() {
    assertEquals(2225 + 3, searcher.documentCount());
  }

  @Test
  void bbcArticlesHaveTheirHeadlinesAndCategories() throws IOException {
    SearchResult.Hit mutu = first("Mutu cocaine Chelsea");
    assertEquals("sport-199", mutu.id());
    assertEquals("Chelsea sack Mutu", mutu.title());
    assertTrue(mutu.topics().contains("sport"), mutu.topics().toString());
    assertEquals(null, mutu.date());

    SearchRequest sport = new SearchRequest("", QuerySyntax.SIMPLE, List.of("sport"), List.of(), null, null, SortOrder.NEWEST, 1, 10);
    assertEquals(511, searcher.search(sport).total());
  }

  @Test
  void jsonLinesArticlesHaveTheirTitlesDatesAndTopics() throws IOException {
    SearchResult.Hit nvidia = first("H20 accelerator");
    assertEquals("jl-nvidia", nvidia.id());
    assertEquals("Nvidia ships H20 chips to China again", nvidia.title());
    assertEquals("2025-07-16", nvidia.date());
    assertEquals("Example Wire", nvidia.source());
    assertTrue(nvidia.topics().containsAll(List.of("chips", "trade")), nvidia.topics().toString());

    SearchResult.Hit quantum = first("superconducting qubits Hefei");
    assertEquals("news-2", quantum.id());
    assertEquals("2025-07-26", quantum.date());
  }

  @Test
  void dateFiltersKeepOnlyTheDatedArticles() throws IOException {
    SearchRequest july = new SearchRequest("", QuerySyntax.SIMPLE, List.of(), List.of(),
        java.time.LocalDate.of(2025, 7, 1), java.time.LocalDate.of(2025, 7, 31), SortOrder.NEWEST, 1, 10);
    assertEquals(3, searcher.search(july).total());
  }

  private static SearchResult.Hit first(String query) throws IOException {
    SearchResult result = searcher.search(SearchRequest.of(query));
    assertTrue(result.total() > 0, "no hit for " + query);
    return result.hits().get(0);
  }
}
