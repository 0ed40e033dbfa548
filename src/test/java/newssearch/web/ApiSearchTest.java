package newssearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import newssearch.search.SearchLimits;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search API over HTTP: new endpoints, exports, errors, CORS and compression. */
class ApiSearchTest {
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void searchCarriesIndexVersionTimeAndPartialFlag() throws Exception {
    JsonNode r = server.getJson("/api/search?q=nvidia");
    assertEquals(server.searcher.indexVersion(), r.get("index_version").asText());
    assertFalse(r.get("partial").asBoolean());
    assertTrue(r.get("total_exact").asBoolean());
    assertTrue(r.get("generated_at").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
  }

  @Test
  void matchingSaysWhenWordsWereRelaxedAndMatchAllRequiresThemAll() throws Exception {
    JsonNode relaxed = server.getJson("/api/search?q=" + enc("Nvidia China ban"));
    JsonNode m = relaxed.get("matching");
    assertEquals("relaxed", m.get("mode").asText());
    assertEquals(3, m.get("words").asInt());
    assertEquals(2, m.get("required").asInt());
    assertTrue(m.get("dropped").isArray());
    JsonNode all = server.getJson("/api/search?match=all&q=" + enc("Nvidia China ban"));
    assertEquals(all.get("total").asLong(), m.get("all_words").asLong(), "how many articles have every word");
    assertTrue(m.get("all_first").asBoolean(), "ranked by relevance, those come first");
    assertEquals("all", all.get("matching").get("mode").asText());
    assertTrue(all.get("total").asLong() < relaxed.get("total").asLong());
    assertTrue(server.getJson("/api/search").get("matching").isNull(), "no query, nothing matched by words");
    HttpResponse<String> bad = server.get("/api/search?q=nvidia&match=some");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("bad_parameter"), bad.body());
  }

  @Test
  void misspelledQueryGetsASuggestionThatFindsMore() throws Exception {
    JsonNode r = server.getJson("/api/search?q=Nvida&topic=chips");
    assertEquals("nvidia", r.get("suggestion").asText());
    long corrected = server.getJson("/api/search?q=nvidia&topic=chips").get("total").asLong();
    assertTrue(corrected > r.get("total").asLong());
    assertTrue(server.getJson("/api/search?q=nvidia").get("suggestion").isNull());
  }

  @Test
  void badParametersAreJson400s() throws Exception {
    for (String bad : List.of("from=2025-13", "to=25-01", "from=2025-07&to=2025-01", "size=101", "size=0",
        "page=101&size=100", "page=0", "sort=best", "syntax=regex", "facet_size=0", "q=" + enc("title:(") + "&syntax=lucene",
        "q=" + "x".repeat(SearchLimits.DEFAULT.maxQueryChars() + 1))) {
      HttpResponse<String> r = server.get("/api/search?" + bad);
      assertEquals(400, r.statusCode(), bad + ": " + r.body());
      JsonNode error = TestServer.json(r).get("error");
      assertFalse(error.get("code").asText().isEmpty(), bad);
      assertFalse(error.get("message").asText().isEmpty(), bad);
    }
    assertEquals(200, server.get("/api/search?page=100&size=100").statusCode());
  }

  @Test
  void luceneSyntaxErrorSaysWhere() throws Exception {
    JsonNode error = server.getJson("/api/search?syntax=lucene&q=" + enc("nvidia AND (chips")).get("error");
    assertEquals("bad_query", error.get("code").asText());
    assertTrue(error.get("message").asText().contains("column"), error.toString());
  }

  @Test
  void suggestCompletesEntitiesAndTitles() throws Exception {
    JsonNode first = server.getJson("/api/search?sort=date&size=1").get("hits").get(0);
    String titleWord = first.get("title").asText().split("\\s+")[0];
    JsonNode r = server.getJson("/api/suggest?q=" + enc(titleWord.substring(0, Math.min(5, titleWord.length()))));
    assertTrue(r.get("suggestions").size() > 0, r.toString());
    boolean titleFound = false;
    for (JsonNode s : r.get("suggestions")) {
      if (s.get("kind").asText().equals("title") && s.get("id").asText().equals(first.get("id").asText())) {
        titleFound = true;
      }
    }
    assertTrue(titleFound, "the article's title completes its first word: " + r);

    JsonNode entity = server.getJson("/api/search").get("facets").get("entity").get(0);
    String name = entity.get("value").asText();
    JsonNode e = server.getJson("/api/suggest?q=" + enc(name.substring(0, 3)));
    JsonNode top = e.get("suggestions").get(0);
    assertEquals("entity", top.get("kind").asText(), e.toString());
    assertTrue(top.get("text").asText().toLowerCase().contains(name.substring(0, 3).toLowerCase()));
    assertFalse(top.has("id"));
    assertNotNull(top.get("type"));
    assertEquals(0, server.getJson("/api/suggest?q=").get("suggestions").size());
  }

  @Test
  void relatedArticlesExcludeTheArticleItself() throws Exception {
    String id = server.getJson("/api/search?q=nvidia").get("hits").get(0).get("id").asText();
    JsonNode r = server.getJson("/api/articles/" + id + "/related?size=3");
    assertEquals(id, r.get("id").asText());
    assertTrue(r.get("related").size() > 0 && r.get("related").size() <= 3);
    double previous = Double.MAX_VALUE;
    for (JsonNode a : r.get("related")) {
      assertFalse(a.get("id").asText().equals(id));
      assertTrue(a.get("score").asDouble() <= previous);
      previous = a.get("score").asDouble();
    }
    HttpResponse<String> missing = server.get("/api/articles/nope/related");
    assertEquals(404, missing.statusCode());
    assertEquals("not_found", TestServer.json(missing).get("error").get("code").asText());
  }

  @Test
  void entityFacetSearchFindsValuesByWordPrefixAndType() throws Exception {
    JsonNode all = server.getJson("/api/search?facet_size=1000").get("facets").get("entity");
    JsonNode some = all.get(0);
    String type = some.get("type").asText();
    String word = some.get("value").asText().split("\\s+")[0];
    String prefix = word.substring(0, Math.min(2, word.length()));
    JsonNode values = server.getJson("/api/facets/entity?prefix=" + enc(prefix) + "&type=" + enc(type) + "&size=100")
        .get("values");
    boolean found = false;
    for (JsonNode v : values) {
      assertEquals(type, v.get("type").asText());
      assertTrue(List.of(v.get("value").asText().toLowerCase().split("[^\\p{L}\\p{N}]+")).stream()
          .anyMatch(w -> w.startsWith(prefix.toLowerCase())) || v.get("value").asText().toLowerCase().startsWith(prefix.toLowerCase()));
      if (v.get("value").asText().equals(some.get("value").asText())) {
        found = true;
        assertEquals(some.get("count").asLong(), v.get("count").asLong());
      }
    }
    assertTrue(found, values.toString());
  }

  @Test
  void csvExportsEveryMatchHeaderFirstWithCitationInHeaders() throws Exception {
    HttpResponse<String> r = server.get("/api/search.csv?q=china&size=2&syntax=simple");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String version = server.searcher.indexVersion();
    assertEquals(version, r.headers().firstValue("X-Index-Version").orElse(""));
    assertEquals("china", r.headers().firstValue("X-Query").orElse(""));
    assertEquals("q=china&syntax=simple", r.headers().firstValue("X-Search-Parameters").orElse(""),
        "the search as a query string; paging left out, as an export has every match");
    assertTrue(r.headers().firstValue("X-Generated-At").orElse("").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    assertEquals("false", r.headers().firstValue("X-Partial").orElse(""));
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("news-search-china-" + version + ".csv"));

    // What Excel and Python's csv module need: the header is the very first line.
    assertTrue(r.body().startsWith("\"rank\",\"id\",\"title\","), r.body().substring(0, 60));
    assertFalse(r.body().lines().anyMatch(l -> l.startsWith("#")), "no comment lines");
    CSVFormat strict = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<CSVRecord> rows;
    List<String> header;
    try (var parser = strict.parse(new StringReader(r.body()))) {
      header = parser.getHeaderNames();
      rows = parser.getRecords();
    }
    assertEquals(List.of("rank", "id", "title", "date", "date_precision", "source", "url", "article_link", "snippet",
        "topics", "topic_ids", "entities", "score"), header);
    JsonNode json = server.getJson("/api/search?" + r.headers().firstValue("X-Search-Parameters").orElseThrow() + "&size=100");
    assertEquals(json.get("total").asInt(), rows.size(), "every match, not one page");
    assertEquals(json.get("total").asText(), r.headers().firstValue("X-Total-Count").orElse(""));
    Map<String, String> labels = new java.util.HashMap<>();
    json.get("facets").get("topic").forEach(t -> labels.put(t.get("value").asText(), t.get("label").asText()));
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      JsonNode hit = json.get("hits").get(i);
      assertEquals(header.size(), row.size(), "every row as wide as the header");
      assertEquals(String.valueOf(i + 1), row.get("rank"));
      assertEquals(hit.get("id").asText(), row.get("id"));
      assertEquals(hit.get("title").asText(), row.get("title"));
      assertEquals(server.baseUrl() + "/article.html?id=" + hit.get("id").asText(), row.get("article_link"));
      assertFalse(row.get("snippet").isBlank(), "a snippet for every row");
      assertFalse(row.get("snippet").contains("<mark>") || row.get("snippet").contains("&amp;"), "plain text");
      List<String> ids = new ArrayList<>();
      hit.get("topics").forEach(t -> ids.add(t.asText()));
      assertEquals(String.join("; ", ids), row.get("topic_ids"));
      assertEquals(String.join("; ", ids.stream().map(id -> labels.getOrDefault(id, id)).toList()), row.get("topics"),
          "topics by label");
    }
    assertTrue(rows.stream().anyMatch(row -> !row.get("topics").equals(row.get("topic_ids"))),
        "the seed corpus has taxonomy topics whose label is not their id");
    assertEquals(400, server.get("/api/search.csv?from=bad").statusCode());
  }

  @Test
  void corsAllowsAnyOrigin() throws Exception {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search?q=ai"))
        .header("Origin", "https://example.org").GET());
    assertEquals(200, r.statusCode());
    String allowed = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
    assertTrue(allowed.equals("*") || allowed.equals("https://example.org"), allowed);
    HttpResponse<String> csv = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search.csv?q=ai"))
        .header("Origin", "https://example.org").GET());
    assertTrue(csv.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("X-Index-Version"),
        "a page elsewhere can read which index answered");
  }

  @Test
  void corsCanBeLimitedToGivenOrigins() throws Exception {
    WebServer limited = new WebServer(server.searcher, List.of("https://news.example.org")).start("127.0.0.1", 0);
    try {
      HttpClient client = HttpClient.newHttpClient();
      String url = "http://127.0.0.1:" + limited.port() + "/api/health";
      HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(url))
          .header("Origin", "https://news.example.org").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("https://news.example.org", ok.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      HttpResponse<String> other = client.send(HttpRequest.newBuilder(URI.create(url))
          .header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    } finally {
      limited.stop();
    }
  }

  @Test
  void responsesAreGzippedWhenAsked() throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search?size=100")).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
    String body;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(body.startsWith("{") && body.contains("\"hits\""));
    HttpResponse<String> plain = server.get("/api/search?size=100");
    assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
  }
}
