package newssearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API and the page, over HTTP, from the real server on a free port. */
class WebServerTest extends SeedServerTests {
  @Test
  void healthCountsTheDocuments() throws Exception {
    JsonNode health = server.getJson("/api/health");
    assertEquals("ok", health.get("status").asText());
    assertEquals(12, health.get("documents").asInt());
    assertEquals("lucene", health.get("engine").asText());
  }

  @Test
  void searchAnswersWithTheContractFields() throws Exception {
    HttpResponse<String> response = server.get("/api/search?q=nvidia");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode body = TestServer.json(response);
    for (String field : new String[] {"query", "total", "page", "size", "took_ms", "hits", "facets", "suggestion"}) {
      assertTrue(body.has(field), field);
    }
    assertEquals("nvidia", body.get("query").asText());
    assertEquals(1, body.get("page").asInt());
    assertEquals(10, body.get("size").asInt());
    assertTrue(body.get("suggestion").isNull());
    JsonNode first = body.get("hits").get(0);
    assertEquals("digital-watch-china-digest-2025-12-08", first.get("id").asText());
    for (String field : new String[] {"id", "title", "date", "source", "topics", "entities", "score", "snippets"}) {
      assertTrue(first.has(field), "hit field " + field);
    }
    assertTrue(first.get("snippets").get(0).asText().contains("<mark>"));
    JsonNode entity = first.get("entities").get(0);
    assertTrue(entity.has("name") && entity.has("type"));
    JsonNode facets = body.get("facets");
    assertTrue(facets.get("topic").get(0).has("label"));
    assertTrue(facets.get("entity").get(0).has("type"));
    assertEquals("2025-04", facets.get("date").get(0).get("value").asText());
  }

  @Test
  void filtersArriveThroughRepeatedParameters() throws Exception {
    JsonNode all = server.getJson("/api/search?size=100");
    long chipsOrQuantum = 0;
    for (JsonNode hit : all.get("hits")) {
      String topics = hit.get("topics").toString();
      if (topics.contains("\"chips\"") || topics.contains("\"quantum\"")) {
        chipsOrQuantum++;
      }
    }
    JsonNode filtered = server.getJson("/api/search?topic=chips&topic=quantum&size=100");
    assertEquals(chipsOrQuantum, filtered.get("total").asLong());
    long chipsAndTrade = 0;
    for (JsonNode hit : all.get("hits")) {
      String topics = hit.get("topics").toString();
      if (topics.contains("\"chips\"") && topics.contains("\"trade\"")) {
        chipsAndTrade++;
      }
    }
    JsonNode both = server.getJson("/api/search?topic=chips&topic=trade&topic_match=all&size=100");
    assertTrue(chipsAndTrade > 0);
    assertEquals(chipsAndTrade, both.get("total").asLong(), "topic_match=all: articles with every topic");
    assertTrue(chipsAndTrade < server.getJson("/api/search?topic=chips&topic=trade").get("total").asLong());
    // The topic facet still counts as if no topic were ticked, as for any one-of-many filter.
    assertEquals(server.getJson("/api/search?topic=chips&topic=trade").get("facets").get("topic").toString(),
        both.get("facets").get("topic").toString());
    assertEquals(400, server.get("/api/search?topic=chips&topic_match=most").statusCode());
    assertEquals(1, server.getJson("/api/search?from=2025-07-25&to=2025-07-25").get("total").asInt());
    long namingNvidia = 0;
    for (JsonNode hit : all.get("hits")) {
      if (hit.get("entities").toString().contains("\"name\":\"Nvidia\"")) {
        namingNvidia++;
      }
    }
    assertTrue(namingNvidia > 0);
    assertEquals(namingNvidia, server.getJson("/api/search?entity=Nvidia&size=100").get("total").asLong());
  }

  @Test
  void sortByDateGivesNewestFirst() throws Exception {
    JsonNode hits = server.getJson("/api/search?q=chips&sort=date&size=100").get("hits");
    String previous = "9999";
    for (JsonNode hit : hits) {
      // Only the known part of a date orders: a month-precise date sorts as its month's first day.
      String date = hit.get("date").asText();
      if ("month".equals(hit.path("date_precision").asText())) {
        date = date.substring(0, 8) + "01";
      }
      assertTrue(date.compareTo(previous) <= 0, date + " after " + previous);
      previous = date;
    }
  }

  @Test
  void articleEndpointReturnsTheArticleAnd404ForAnUnknownId() throws Exception {
    JsonNode article = server.getJson("/api/articles/newscentral-xi-ai-chips-2025-04");
    for (String field : new String[] {"id", "title", "date", "source", "url", "topics", "entities", "text"}) {
      assertTrue(article.has(field), field);
    }
    assertEquals("Xi Urges China To Overcome AI Chip Challenges", article.get("title").asText());
    for (JsonNode entity : article.get("entities")) {
      String origin = entity.path("origin").asText();
      assertTrue(java.util.Set.of("gazetteer", "rules", "model", "given").contains(origin), entity.toString());
      if (entity.get("name").asText().equals("China")) {
        assertEquals("gazetteer", origin, "a known name says it came from the gazetteer");
      }
    }
    HttpResponse<String> missing = server.get("/api/articles/no-such-id");
    assertEquals(404, missing.statusCode());
    assertEquals("not_found", TestServer.json(missing).get("error").get("code").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/search?q=title:(nvidia&syntax=lucene",
      "/api/search?page=0",
      "/api/search?page=abc",
      "/api/search?size=101",
      "/api/search?size=-1",
      "/api/search?page=1001&size=10",
      "/api/search?from=2025-13-01",
      "/api/search?from=yesterday",
      "/api/search?from=2025-12-01&to=2025-01-01",
      "/api/search?sort=popular",
      "/api/search?syntax=regex"})
  void badInputIsA400WithAJsonErrorThatSaysWhatIsWrong(String url) throws Exception {
    HttpResponse<String> response = server.get(url);
    assertEquals(400, response.statusCode(), url + " -> " + response.body());
    JsonNode error = TestServer.json(response).get("error");
    assertFalse(error.get("code").asText().isEmpty());
    assertFalse(error.get("message").asText().isEmpty());
    assertFalse(response.body().contains("Exception"), response.body());
  }

  @Test
  void aLuceneQueryThatDoesNotParseSaysWhere() throws Exception {
    JsonNode error = server.getJson("/api/search?q=title:(nvidia&syntax=lucene").get("error");
    assertEquals("bad_query", error.get("code").asText());
    assertTrue(error.get("message").asText().contains("column"), error.get("message").asText());
  }

  @Test
  void unknownPathsAndWrongMethodsAreJsonErrors() throws Exception {
    HttpResponse<String> unknown = server.get("/api/nothing-here");
    assertEquals(404, unknown.statusCode());
    assertEquals("not_found", TestServer.json(unknown).get("error").get("code").asText());
    HttpResponse<String> post = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search"))
        .POST(HttpRequest.BodyPublishers.ofString("q=x")));
    assertEquals(405, post.statusCode());
    assertEquals("method_not_allowed", TestServer.json(post).get("error").get("code").asText());
  }

  @Test
  void thePageIsServedFromTheJar() throws Exception {
    HttpResponse<String> page = server.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<input id=\"q\""), "search box");
    assertEquals(200, server.get("/app.js").statusCode());
  }
}
