package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import newssearch.TestCorpus;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.ingest.SkipReason;
import newssearch.search.ArticleSearcher;
import newssearch.web.AdminAccess;
import newssearch.web.Reindexer;
import newssearch.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records and files built to break an index run (issue 13, case 1): values over Lucene's term and
 * facet path limits, metadata files over Jackson's stream limits. Each is skipped or shortened
 * with a warning naming its file and line; the other articles are indexed, and the admin
 * reindex over such a corpus succeeds.
 */
class HostileCorpusTest {
  private static final String TEXT = "Harbour workers voted on the new contract after a long night of talks.";

  /** A corpus with one hostile record or file of each kind, and one good article in each file. */
  static void writeHostileCorpus(Path dir) throws IOException {
    String longSource = "S".repeat(9_000);
    String longTopic = "t".repeat(9_000);
    String longEntity = "E".repeat(9_000);
    String longId = "i".repeat(40_000);
    Files.writeString(dir.resolve("rows.csv"), "id,title,text,source,topics,entities\n"
        + "csv-good,Good row," + TEXT + ",Daily Post,economy,\n"
        + "csv-source,Long source," + TEXT + "," + longSource + ",,\n"
        + "csv-topic,Long topic," + TEXT + ",Daily Post," + longTopic + ",\n"
        + "csv-entity,Long entity," + TEXT + ",Daily Post,,org:" + longEntity + "\n"
        + longId + ",Long id," + TEXT + ",Daily Post,,\n");
    Files.writeString(dir.resolve("lines.jsonl"), "{\"id\": \"jsonl-good\", \"text\": \"" + TEXT + "\"}\n"
        + "{\"id\": \"" + longId + "\", \"text\": \"" + TEXT + "\"}\n"
        + "{\"id\": \"jsonl-deep\", \"text\": \"" + TEXT + "\", \"x\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}\n");
    Files.writeString(dir.resolve("page.html"), "<html><head><meta property=\"og:site_name\" content=\"" + longSource
        + "\"><title>Harbour page</title></head><body><article><p>" + TEXT + "</p></article></body></html>");
    metadataBeside(dir, "deep", "{\"title\": \"Deep\", \"x\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}");
    metadataBeside(dir, "number", "{\"title\": \"Number\", \"x\": " + "9".repeat(1_001) + "}");
    metadataBeside(dir, "string", "{\"title\": \"String\", \"x\": \"" + "s".repeat(20_000_001) + "\"}");
  }

  private static void metadataBeside(Path dir, String name, String json) throws IOException {
    Files.writeString(dir.resolve(name + ".txt"), TEXT);
    Files.writeString(dir.resolve(name + ".meta.json"), json);
  }

  @Test
  void hostileRecordsAreSkippedOrShortenedAndTheRestIsIndexed(@TempDir Path corpus, @TempDir Path indexDir)
      throws IOException {
    writeHostileCorpus(corpus);
    IngestReport report = new IngestReport();
    List<Article> articles = CorpusReader.standard(TestCorpus.config().ingest()).read(List.of(corpus), report);
    Map<String, Article> byId = articles.stream().collect(Collectors.toMap(Article::id, a -> a));
    String warnings = String.join("\n", report.messages());

    // Over-long ids are skipped (a shortened one could collide), naming file and line.
    assertFalse(byId.keySet().stream().anyMatch(id -> id.length() > 1000), "no immense id");
    assertEquals(3, report.skipped(SkipReason.MALFORMED), warnings); // two ids, and the 3,000-deep JSON line
    assertTrue(warnings.contains(corpus.resolve("rows.csv") + ":6: skipped, malformed record (an id of 40000 bytes"), warnings);
    assertTrue(warnings.contains(corpus.resolve("lines.jsonl") + ":2: skipped, malformed record (an id of 40000 bytes"), warnings);
    assertTrue(warnings.contains(corpus.resolve("lines.jsonl") + ":3: skipped, malformed record"), warnings);
    // Over-long facet values are shortened: the article stays findable by its other fields.
    assertEquals(500, byId.get("csv-source").source().length());
    assertEquals(500, byId.get("csv-topic").topics().get(0).length());
    assertEquals(500, byId.get("csv-entity").entities().get(0).length());
    assertTrue(warnings.contains(corpus.resolve("rows.csv") + ":3: source of 9000 characters shortened to 500"), warnings);
    assertEquals(500, byId.get("page").source().length());
    // Metadata over Jackson's limits is ignored with a warning; the text beside it is indexed.
    for (String name : List.of("deep", "number", "string")) {
      assertTrue(byId.containsKey(name), name);
      assertTrue(warnings.contains(corpus.resolve(name + ".meta.json") + ": ignored, malformed JSON"), warnings);
    }
    assertEquals(Set.of("csv-good", "csv-source", "csv-topic", "csv-entity", "jsonl-good", "page", "deep", "number",
        "string"), byId.keySet());

    IndexStore store = new IndexStore(indexDir);
    new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher()).build(store, articles, done -> {});
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy())) {
      assertEquals(9, searcher.documentCount());
    }
  }

  @Test
  void aDocumentLuceneRefusesIsLeftOutNamingItsOrigin(@TempDir Path indexDir) throws IOException {
    // Past ingest's limits (an article made by code, say), Lucene itself refuses the document.
    Article good = new Article("good", "Good", "metadata", TEXT, null, "", "", List.of(), "good.txt");
    Article immense = new Article("x".repeat(40_000), "Immense", "metadata", TEXT, null, "", "", List.of(), "immense.jsonl:7");
    Article longSource = new Article("long", "Long", "metadata", TEXT, null, "s".repeat(9_000), "", List.of(), "long.csv:3");
    List<String> refused = new ArrayList<>();
    IndexStore store = new IndexStore(indexDir);

    new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher(),
        (origin, reason) -> refused.add(origin)).build(store, List.of(good, immense, longSource), done -> {});

    assertEquals(List.of("immense.jsonl:7", "long.csv:3"), refused.stream().sorted().toList());
    assertEquals("1", store.currentCommitData().get(IndexBuilder.ARTICLES));
    try (ArticleSearcher searcher = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy())) {
      assertEquals(1, searcher.documentCount());
    }
  }

  @Test
  void theAdminReindexOfAHostileCorpusSucceeds(@TempDir Path corpus, @TempDir Path indexDir) throws Exception {
    LiveReindexTest.copySeedCorpus(corpus);
    try (TestServer server = TestServer.start(indexDir, web -> web.admin(AdminAccess.loopbackOnly(), () -> {
      IngestReport report = new IngestReport();
      List<Article> articles = CorpusReader.standard(TestCorpus.config().ingest()).read(List.of(corpus), report);
      new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher(), report::refusedByIndex)
          .build(new IndexStore(indexDir), articles, done -> {});
      return new Reindexer.Result(report.articles(), report.unreadableFolders().size());
    }), corpus)) {
      int before = server.getJson("/api/health").path("documents").asInt();
      writeHostileCorpus(corpus);

      HttpResponse<String> response = AdminAccessTest.post(server, "/api/admin/reindex", null);

      assertEquals(200, response.statusCode(), response.body());
      assertEquals(before + 9, TestServer.json(response).path("documents").asInt(), response.body());
    }
  }
}
