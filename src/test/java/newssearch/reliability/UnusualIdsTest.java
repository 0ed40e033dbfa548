package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import newssearch.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids that cannot stand in the article URL ({@code .} and {@code ..}, which browsers resolve as
 * folder steps even when percent-encoded; issue 13, case 14) are rewritten at ingest: every article
 * the search returns opens at {@code /api/articles/{id}} with the id the search gave, requested as
 * the article page does (encodeURIComponent, then the URL resolved as a browser resolves it).
 */
class UnusualIdsTest {

  @Test
  void everyArticleOpensWithTheIdTheSearchReturns(@TempDir Path corpus, @TempDir Path indexDir) throws Exception {
    StringBuilder lines = new StringBuilder();
    List<String> given = List.of(".", "..", "/", "a/b", "../etc", "...", "plain-id", "sp ace", "q?x#y");
    for (String id : given) {
      lines.append("{\"id\": \"").append(id).append("\", \"text\": \"Wombatquill report number ")
          .append(lines.length()).append(".\"}\n");
    }
    Files.writeString(corpus.resolve("ids.jsonl"), lines);
    try (TestServer server = TestServer.start(indexDir, corpus)) {
      JsonNode results = server.getJson("/api/search?q=wombatquill&size=50").path("hits");
      assertEquals(given.size(), results.size(), results.toString());
      List<String> ids = new ArrayList<>();
      for (JsonNode result : results) {
        String id = result.path("id").asText();
        ids.add(id);
        URI asThePageAsks = URI.create(server.baseUrl() + "/api/articles/"
            + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")).normalize();
        HttpResponse<String> article = server.send(HttpRequest.newBuilder(asThePageAsks));
        assertEquals(200, article.statusCode(), id + ": " + article.body());
        assertEquals(id, TestServer.json(article).path("id").asText());
      }
      assertTrue(ids.containsAll(List.of("id.", "id..", "/", "a/b", "../etc", "id...", "plain-id", "sp ace", "q?x#y")), ids.toString());
    }
  }
}
