package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import newssearch.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus of one article without entities, topics or date still searches without a server error. */
class SparseCorpusTest {

  @Test
  void searchesAnIndexWithoutEntitiesOrDates(@TempDir Path corpus, @TempDir Path indexDir) throws Exception {
    Files.writeString(corpus.resolve("plain.txt"), "A short note\n\nNothing here names anyone or any place.\n");
    try (TestServer server = TestServer.start(indexDir, corpus)) {
      for (String target : new String[] {"/api/search", "/api/search?q=note", "/api/search?q=note&entity=Nobody"}) {
        RawHttp.Response response = RawHttp.get(server.port(), target);
        assertEquals(200, response.status(), target + ": " + response.body());
      }
    }
  }
}
