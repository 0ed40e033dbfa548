package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import newssearch.web.SeedServerTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed requests against the running server. Each must be answered within 5 s
 * with a 4xx and a JSON error, or with a correct 200; never a 5xx, never a stack trace; and the
 * server must stay healthy after each.
 */
class HostileRequestsTest extends SeedServerTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param target the request target exactly as sent, one byte per char
   * @param allowed the statuses that are a correct answer
   */
  record Case(String name, String method, String target, String headers, Set<Integer> allowed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    List<Case> c = new ArrayList<>();
    // Query syntax: the search box never fails; syntax=lucene says what does not parse.
    c.add(ok("unbalanced quote", search("\"export controls")));
    c.add(ok("unbalanced open parenthesis", search("(nvidia chips")));
    c.add(ok("unbalanced close parenthesis", search("nvidia chips)")));
    c.add(ok("lone operator AND", search("AND")));
    c.add(ok("lone operators", search("- + | \" ( )")));
    c.add(ok("lone star", search("*")));
    c.add(ok("leading wildcard, simple", search("*vidia")));
    c.add(ok("fuzzy beyond 2, simple", search("nvida~7")));
    c.add(bad("unbalanced quote, lucene", lucene("\"export controls")));
    c.add(bad("unbalanced parenthesis, lucene", lucene("(nvidia OR chips")));
    c.add(bad("lone AND, lucene", lucene("AND")));
    c.add(bad("dangling NOT, lucene", lucene("nvidia NOT")));
    c.add(bad("lone star, lucene", lucene("*")));
    c.add(bad("leading wildcard, lucene", lucene("*vidia")));
    c.add(either("fuzzy beyond 2, lucene", lucene("nvidia~5"), 200, 400));
    c.add(either("huge fuzzy distance, lucene", lucene("nvidia~99999999999999999999"), 200, 400));
    c.add(bad("exploding regex repeat", lucene("/[a-z]{1,1000000}/")));
    c.add(bad("nested exploding repeats", lucene("/((a{1,100}){1,100}){1,100}/")));
    c.add(either("nested alternations", lucene("/((a|b|c)*(d|e)*)*((a|b)*c)*(x|y|z){1,50}/"), 200, 400));
    c.add(either("regex complement", lucene("/~(a*b*c*d*)/"), 200, 400));
    c.add(either("regex that does not parse", lucene("/[a-/"), 200, 400));
    c.add(either("many wildcards", lucene("a" + "*a?".repeat(200)), 200, 400));
    c.add(either("100,000-character query", search("a".repeat(100_000)), 400, 413, 414));
    c.add(either("5,000 OR clauses", lucene(IntStream.range(0, 5_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "))),
        400, 413, 414));
    c.add(bad("1,100 words, more terms than a query may have", search(words(1_100))));
    c.add(bad("1,100 words to complete", "/api/suggest?q=" + URLEncoder.encode(words(1_100), StandardCharsets.UTF_8)));
    c.add(bad("600 one-letter words to complete", "/api/suggest?q="
        + URLEncoder.encode("a ".repeat(600), StandardCharsets.UTF_8)));
    c.add(bad("400 OR clauses over three fields, lucene", lucene(IntStream.range(0, 400).mapToObj(i -> "w" + i)
        .collect(Collectors.joining(" OR ")))));
    c.add(either("2,000 entity filter values", "/api/search?" + IntStream.range(0, 2_000)
        .mapToObj(i -> "entity=" + i).collect(Collectors.joining("&")), 400, 414));
    c.add(either("long accented query exported as CSV, repeated in its headers", "/api/search.csv?q="
        + URLEncoder.encode("é".repeat(900), StandardCharsets.UTF_8), 200));
    c.add(either("long Devanagari word exported as CSV, 3 bytes a letter in its headers", "/api/search.csv?q="
        + URLEncoder.encode("क".repeat(850), StandardCharsets.UTF_8), 200));
    c.add(either("long filter values exported as CSV", "/api/search.csv?topic=" + "x".repeat(3_000) + "&source="
        + "y".repeat(3_000), 200));
    // Characters: control characters, invalid UTF-8, emoji and CJK.
    c.add(ok("encoded control characters", "/api/search?q=%00%01%07%1B%7F"));
    c.add(either("raw control character in the URL", "/api/search?q=a\u0001b", 400));
    c.add(either("raw tab in the URL", "/api/search?q=a\tb", 400));
    c.add(either("encoded invalid UTF-8", "/api/search?q=%FF%FE%C3%28", 200, 400));
    c.add(either("overlong UTF-8 slash", "/api/search?q=%C0%AF", 200, 400));
    c.add(either("raw invalid UTF-8 bytes in the URL", "/api/search?q=\u00ff\u00fe", 200, 400));
    c.add(either("lone surrogate, encoded", "/api/search?q=%ED%A0%80", 200, 400));
    c.add(ok("emoji", search("😀 🚀 nvidia")));
    c.add(ok("CJK text", search("中国 人工智能")));
    c.add(ok("right-to-left and zero-width characters", search("\u202e\u200bnvidia\u200d")));
    // Paging.
    c.add(bad("negative page", "/api/search?page=-1"));
    c.add(bad("page zero", "/api/search?page=0"));
    c.add(bad("huge page", "/api/search?page=99999999999999999999"));
    c.add(bad("non-numeric page", "/api/search?page=two"));
    c.add(bad("size zero", "/api/search?size=0"));
    c.add(bad("negative size", "/api/search?size=-5"));
    c.add(bad("size beyond 100", "/api/search?size=101"));
    c.add(bad("huge size", "/api/search?size=2147483648"));
    c.add(bad("size in exponent notation", "/api/search?size=1e2"));
    c.add(bad("page beyond the paging window", "/api/search?page=1000&size=100"));
    // Dates.
    c.add(bad("impossible date", "/api/search?from=2025-02-30"));
    c.add(bad("impossible month", "/api/search?to=2025-13"));
    c.add(bad("reversed dates", "/api/search?from=2025-12-31&to=2025-01-01"));
    c.add(bad("words for a date", "/api/search?from=yesterday"));
    c.add(bad("five-digit year", "/api/search?to=99999-01-01"));
    c.add(either("year zero", "/api/search?from=0000-01-01", 200, 400));
    // Sort and syntax.
    c.add(bad("unknown sort", "/api/search?sort=popularity"));
    c.add(bad("sort with a NUL", "/api/search?sort=date%00"));
    c.add(bad("unknown syntax", "/api/search?q=a&syntax=regex"));
    // Paths: traversal in ids and static paths, files outside the page.
    c.add(either("traversal in an article id", "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd", 400, 404));
    c.add(either("dot-dot article id", "/api/articles/%2e%2e", 400, 404));
    c.add(either("raw traversal in a static path", "/../../../../etc/passwd", 400, 404));
    c.add(either("encoded traversal in a static path", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 400, 404));
    c.add(either("encoded slashes in a static path", "/..%2f..%2fpom.xml", 400, 404));
    c.add(either("backslash traversal", "/..%5c..%5cpom.xml", 400, 404));
    c.add(either("traversal after a real file", "/app.js/../../pom.xml", 400, 404));
    c.add(either("NUL in a static path", "/index.html%00.js", 400, 404));
    c.add(either("class path resource outside the page", "/simplelogger.properties", 404));
    c.add(either("class file", "/newssearch/web/WebServer.class", 404));
    c.add(either("jar manifest", "/META-INF/MANIFEST.MF", 404));
    // Facet values.
    c.add(ok("very long topic value", "/api/search?topic=" + "x".repeat(6_000)));
    c.add(ok("very long entity value", "/api/search?entity=" + "%C3%A9".repeat(1_000)));
    c.add(ok("NUL topic value", "/api/search?topic=%00"));
    // Endpoints and methods.
    c.add(either("unknown endpoint", "/api/nope", 404));
    c.add(either("extra path segment", "/api/search/extra", 404));
    c.add(new Case("DELETE on search", "DELETE", "/api/search", "", Set.of(405)));
    c.add(new Case("POST on search", "POST", "/api/search", "Content-Length: 0\r\n", Set.of(405)));
    c.add(new Case("PUT on an article", "PUT", "/api/articles/x", "Content-Length: 0\r\n", Set.of(405)));
    c.add(new Case("TRACE", "TRACE", "/api/search", "", Set.of(400, 404, 405)));
    c.add(new Case("made-up method", "BREW", "/api/search", "", Set.of(400, 404, 405)));
    c.add(new Case("GET on the admin endpoint", "GET", "/api/admin/reindex", "", Set.of(405)));
    c.add(new Case("GET on the admin endpoint overridden to POST", "GET", "/api/admin/reindex",
        "X-HTTP-Method-Override: POST\r\n", Set.of(400)));
    c.add(new Case("search overridden to DELETE", "GET", "/api/search?q=a", "X-HTTP-Method-Override: DELETE\r\n", Set.of(400)));
    c.add(new Case("reindex posted by another port of localhost", "POST", "/api/admin/reindex",
        "Origin: http://localhost:1\r\nContent-Length: 0\r\n", Set.of(403)));
    c.add(new Case("reindex posted by another site's page", "POST", "/api/admin/reindex",
        "Origin: https://attacker.example\r\nContent-Length: 0\r\n", Set.of(403)));
    c.add(new Case("reindex with a wrong token", "POST", "/api/admin/reindex",
        "Authorization: Bearer guess\r\nContent-Length: 0\r\n", Set.of(403)));
    c.add(new Case("reindex through a rebound host name", "POST", "/api/admin/reindex",
        "X-Forwarded-For: 127.0.0.1\r\nHost: attacker.example\r\nContent-Length: 0\r\n", Set.of(400, 403)));
    // Protocol.
    c.add(new Case("100 KB header", "GET", "/api/search?q=a", "Cookie: " + "c".repeat(100_000) + "\r\n", Set.of(400, 413, 431)));
    c.add(new Case("header without a colon", "GET", "/api/search?q=a", "NoColonHere\r\n", Set.of(400)));
    c.add(ok("repeated q", "/api/search?q=nvidia&q=chips"));
    c.add(ok("parameters without names or values", "/api/search?=&&&=&q"));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersWithinFiveSecondsWithoutServerError(Case c) throws Exception {
    RawHttp.Response response = RawHttp.request(server.port(), c.method(), c.target(), c.headers());

    assertTrue(response.millis() < RawHttp.TIMEOUT_MS, c + " took " + response.millis() + " ms");
    assertTrue(c.allowed().contains(response.status()),
        c + ": status " + response.status() + ", expected one of " + c.allowed() + "; body " + abbreviated(response.body()));
    assertNoStackTrace(response.body());
    if (response.status() >= 400) {
      assertJsonError(c, response);
    } else if (c.target().startsWith("/api/search?")) {
      JsonNode body = JSON.readTree(response.body());
      assertTrue(body.path("hits").isArray(), c + ": a search answer has hits");
      assertTrue(body.path("total").asLong(-1) >= 0, c + ": a search answer has a total");
    }
    assertHealthy();
  }

  @Test
  void tableHasAtLeastFortyHostileRequests() {
    assertTrue(cases().count() >= 40);
  }

  @Test
  void staysFastForOrdinarySearchesAfterTheHostileOnes() throws Exception {
    cases().filter(c -> c.target().contains("syntax=lucene")).forEach(c -> {
      try {
        RawHttp.request(server.port(), c.method(), c.target(), c.headers());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    RawHttp.Response response = RawHttp.get(server.port(), "/api/search?q=nvidia");
    assertEquals(200, response.status());
    assertTrue(response.millis() < 2_000, "an ordinary search took " + response.millis() + " ms");
    assertHealthy();
  }

  static void assertJsonError(Object what, RawHttp.Response response) throws Exception {
    assertTrue(String.valueOf(response.header("Content-Type")).startsWith("application/json"),
        what + ": an error is JSON, got " + response.header("Content-Type") + ": " + abbreviated(response.body()));
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertFalse(error.path("code").asText().isBlank(), what + ": error.code in " + response.body());
    assertFalse(error.path("message").asText().isBlank(), what + ": error.message in " + response.body());
  }

  static void assertNoStackTrace(String body) {
    for (String sign : List.of("Exception", "\tat ", ".java:", "Caused by", "jetty", "javalin")) {
      assertFalse(body.contains(sign), "the body shows a stack trace or server internals (" + sign + "): " + abbreviated(body));
    }
  }

  private static void assertHealthy() throws Exception {
    RawHttp.Response health = RawHttp.get(server.port(), "/api/health");
    assertEquals(200, health.status(), "health after a hostile request: " + health.body());
    assertEquals("ok", JSON.readTree(health.body()).path("status").asText());
  }

  private static String abbreviated(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static String search(String q) {
    return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  private static String lucene(String q) {
    return search(q) + "&syntax=lucene";
  }

  private static String words(int n) {
    return IntStream.range(0, n).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  private static Case ok(String name, String target) {
    return new Case(name, "GET", target, "", Set.of(200));
  }

  private static Case bad(String name, String target) {
    return new Case(name, "GET", target, "", Set.of(400));
  }

  private static Case either(String name, String target, Integer... statuses) {
    return new Case(name, "GET", target, "", Set.of(statuses));
  }
}
