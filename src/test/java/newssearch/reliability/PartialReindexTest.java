package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.BuildLock;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.CorpusWalker;
import newssearch.ingest.IngestReport;
import newssearch.web.AdminAccess;
import newssearch.web.Reindexer;
import newssearch.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin reindex never hides a lost folder (issue 13, case 2) and answers 409 while another
 * indexing run holds the index folder (case 5).
 */
class PartialReindexTest {

  @Test
  void theAnswerCountsUnreadableFolders(@TempDir Path corpus, @TempDir Path indexDir) throws Exception {
    LiveReindexTest.copySeedCorpus(corpus);
    Path lost = Files.createDirectories(corpus.resolve("lost"));
    Files.writeString(lost.resolve("one.txt"), LiveReindexTest.article("Quolldrift returns", "quolldrift"));
    CorpusReader reader = CorpusReader.standard(TestCorpus.config().ingest()).listingFoldersWith(folder -> {
      if (folder.equals(lost)) {
        throw new AccessDeniedException(folder.toString());
      }
      return CorpusWalker.FolderListing.FILE_SYSTEM.list(folder);
    });
    Reindexer reindexer = () -> {
      IngestReport report = new IngestReport();
      List<Article> articles = reader.read(List.of(corpus), report);
      new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher(), report::refusedByIndex)
          .build(new IndexStore(indexDir), articles, done -> {});
      return new Reindexer.Result(report.articles(), report.unreadableFolders().size());
    };
    try (TestServer server = TestServer.start(indexDir, web -> web.admin(AdminAccess.loopbackOnly(), reindexer),
        TestCorpus.seedCorpus())) {
      HttpResponse<String> response = AdminAccessTest.post(server, "/api/admin/reindex", null);

      assertEquals(200, response.statusCode(), response.body());
      JsonNode answer = TestServer.json(response);
      assertEquals(1, answer.path("unreadable_folders").asInt(), response.body());
      assertFalse(answer.path("complete").asBoolean(true), response.body());
      assertEquals(12, answer.path("articles").asInt(), response.body());
    }
  }

  @Test
  void aReindexWhileAnotherRunHoldsTheIndexIsAConflict(@TempDir Path indexDir) throws Exception {
    try (TestServer server = TestServer.start(indexDir,
        web -> web.admin(AdminAccess.loopbackOnly(), AdminAccessTest.reindexer(indexDir, TestCorpus.seedCorpus())),
        TestCorpus.seedCorpus())) {
      HttpResponse<String> response;
      try (BuildLock held = new IndexStore(indexDir).lock()) {
        response = AdminAccessTest.post(server, "/api/admin/reindex", null);
      }
      assertEquals(409, response.statusCode(), response.body());
      assertEquals("reindex_running", TestServer.json(response).path("error").path("code").asText());
      assertTrue(TestServer.json(response).path("error").path("message").asText().startsWith("another indexing run"));
      assertEquals(200, AdminAccessTest.post(server, "/api/admin/reindex", null).statusCode(), "free again");
    }
  }
}
