package newssearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import newssearch.index.LiveRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way in over HTTP ({@code POST /api/articles} as JSON Lines and as a JSON array, {@code
 * DELETE /api/articles/{id}}), its limits and refusals, and that after a refresh everything a
 * search shows includes the update: totals, facet counts, the date histogram, spelling,
 * completions, related articles and {@code since}.
 */
class ArticlesApiTest {
  private static final String WOMBAT = "{\"id\": \"live-1\", \"title\": \"Wombatflux opens chip plant in Chengdu\","
      + " \"text\": \"Wombatflux, a chip maker, opened a chip plant in Chengdu on Monday, the company said. Wombatflux"
      + " will make chips for phones.\", \"date\": \"2031-04-02\", \"source\": \"Live Wire\", \"topics\": [\"chips\"]}";

  @Test
  void postedJsonLinesAreSearchableAfterARefreshAndBadLinesAreReported(@TempDir Path dir) throws Exception {
    try (LiveTestServer s = new LiveTestServer(dir)) {
      long before = s.getJson("/api/search").get("total").asLong();
      int chipsBefore = count(s.getJson("/api/search").get("facets").get("topic"), "chips");
      Instant posted = Instant.now().minusMillis(1);

      HttpResponse<String> r = s.post("/api/articles", WOMBAT + "\n{\"title\": \"no text here\"}\nnot json\n\n");
      assertEquals(200, r.statusCode(), r.body());
      JsonNode answer = LiveTestServer.json(r);
      assertEquals(1, answer.get("indexed").asInt());
      assertEquals(0, answer.get("replaced").asInt());
      assertEquals(2, answer.get("failed").size());
      assertEquals(2, answer.get("failed").get(0).get("line").asInt());
      assertTrue(answer.get("failed").get(0).get("error").asText().contains("no article text"), r.body());
      assertEquals(3, answer.get("failed").get(1).get("line").asInt());
      assertTrue(answer.get("failed").get(1).get("error").asText().startsWith("not JSON"), r.body());

      s.refresh();
      JsonNode all = s.getJson("/api/search");
      assertEquals(before + 1, all.get("total").asLong());
      assertEquals(chipsBefore + 1, count(all.get("facets").get("topic"), "chips"));
      assertEquals(1, count(all.get("facets").get("date"), "2031-04"), "the date histogram has the new month");
      assertEquals(1, count(all.get("facets").get("source"), "Live Wire"));
      JsonNode found = s.getJson("/api/search?q=wombatflux");
      assertEquals(1, found.get("total").asLong());
      assertEquals("live-1", found.get("hits").get(0).get("id").asText());
      assertFalse(found.get("hits").get(0).get("indexed_at").isNull());
      assertEquals("wombatflux", s.getJson("/api/search?q=wombatflx").get("suggestion").asText(),
          "the spelling vocabulary has the new word");
      assertEquals(200, s.get("/api/articles/live-1/related").statusCode());
      assertEquals(200, s.get("/api/articles/live-1").statusCode());

      assertEquals(1, s.getJson("/api/search?since=" + posted).get("total").asLong(), "since: only what arrived after");
      assertEquals(0, s.getJson("/api/search?since=" + Instant.now().plusSeconds(60)).get("total").asLong());
      assertEquals(400, s.get("/api/search?since=yesterday").statusCode());

      // Completions are rebuilt in the background after a refresh: the new title shows once that is done.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      String suggestions;
      do {
        suggestions = s.get("/api/suggest?q=wombatf").body();
      } while (!suggestions.contains("live-1") && System.nanoTime() < deadline && sleep());
      assertTrue(suggestions.contains("live-1"), suggestions);
    }
  }

  @Test
  void aJsonArrayReplacesByIdAndDeleteRemoves(@TempDir Path dir) throws Exception {
    try (LiveTestServer s = new LiveTestServer(dir)) {
      assertEquals(200, s.post("/api/articles", "[" + WOMBAT + "]").statusCode());
      s.refresh();
      long total = s.getJson("/api/search").get("total").asLong();
      HttpResponse<String> r = s.post("/api/articles", "[{\"id\": \"live-1\", \"title\": \"Quollbyte replaces it\","
          + " \"text\": \"Quollbyte story.\", \"topics\": \"trade\"}, 42]", "Content-Type", "application/json");
      JsonNode answer = LiveTestServer.json(r);
      assertEquals(0, answer.get("indexed").asInt(), r.body());
      assertEquals(1, answer.get("replaced").asInt(), r.body());
      assertEquals(2, answer.get("failed").get(0).get("line").asInt(), "array records are numbered from 1");
      s.refresh();
      assertEquals(total, s.getJson("/api/search").get("total").asLong(), "replaced, not added");
      assertEquals(0, s.getJson("/api/search?q=wombatflux").get("total").asLong());
      assertEquals(1, s.getJson("/api/search?q=quollbyte").get("total").asLong());

      HttpResponse<String> deleted = s.delete("/api/articles/live-1");
      assertEquals(200, deleted.statusCode(), deleted.body());
      HttpResponse<String> again = s.delete("/api/articles/live-1");
      assertEquals(404, again.statusCode());
      assertEquals("not_found", LiveTestServer.json(again).get("error").get("code").asText());
      s.refresh();
      assertEquals(total - 1, s.getJson("/api/search").get("total").asLong());
      assertEquals(404, s.get("/api/articles/live-1").statusCode());
    }
  }

  @Test
  void limitsAndRefusalsAreJsonErrors(@TempDir Path dir) throws Exception {
    LiveRules small = new LiveRules(500, 10_000, 2048, 2, 1);
    try (LiveTestServer s = new LiveTestServer(dir, small, new AdminAccess("s3cret"))) {
      String[] auth = {"Authorization", "Bearer s3cret"};
      HttpResponse<String> big = s.post("/api/articles", "{\"text\": \"" + "x ".repeat(2000) + "\"}", auth);
      assertEquals(413, big.statusCode());
      assertEquals("too_large", LiveTestServer.json(big).get("error").get("code").asText());
      HttpResponse<String> many = s.post("/api/articles", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"c\"}\n", auth);
      assertEquals(400, many.statusCode());
      assertTrue(LiveTestServer.json(many).get("error").get("message").asText().contains("too many records"));
      assertEquals(400, s.post("/api/articles", "[{\"text\": ", auth).statusCode());

      HttpResponse<String> wrongToken = s.post("/api/articles", WOMBAT, "Authorization", "Bearer nope");
      assertEquals(403, wrongToken.statusCode());
      assertEquals("forbidden", LiveTestServer.json(wrongToken).get("error").get("code").asText());
      assertEquals(403, s.post("/api/articles", WOMBAT, "Origin", "https://elsewhere.example").statusCode(),
          "a page of another site cannot post");
      assertEquals(403, s.delete("/api/articles/live-1", "Authorization", "Bearer nope").statusCode());
      assertEquals(200, s.post("/api/articles", WOMBAT, "Authorization", "Bearer s3cret").statusCode());
      s.refresh();
      assertEquals(1, s.getJson("/api/search?q=wombatflux").get("total").asLong());
    }
  }

  private static int count(JsonNode values, String value) {
    for (JsonNode v : values) {
      if (v.get("value").asText().equals(value)) {
        return v.get("count").asInt();
      }
    }
    return 0;
  }

  private static boolean sleep() throws InterruptedException {
    Thread.sleep(100);
    return true;
  }
}
