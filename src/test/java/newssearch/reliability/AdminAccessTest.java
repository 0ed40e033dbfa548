package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import newssearch.TestCorpus;
import newssearch.web.AdminAccess;
import newssearch.web.Reindexer;
import newssearch.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reindexing changes state: only this machine, or a caller with the token, may ask for it. */
class AdminAccessTest {
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  static final InetAddress OTHER_HOST = address(192, 0, 2, 10);

  @Test
  void otherHostsAreRefusedWithoutAToken() {
    AdminAccess access = AdminAccess.loopbackOnly();

    assertTrue(access.refusal(OTHER_HOST, null, "192.0.2.1:7070", null).isPresent());
    assertTrue(access.refusal(OTHER_HOST, "Bearer anything", "192.0.2.1:7070", null).isPresent());
  }

  @Test
  void otherHostsNeedTheRightToken() {
    AdminAccess access = new AdminAccess("s3cret-token");

    assertTrue(access.refusal(OTHER_HOST, null, "192.0.2.1:7070", null).isPresent());
    assertTrue(access.refusal(OTHER_HOST, "Bearer s3cret-tokem", "192.0.2.1:7070", null).isPresent());
    assertTrue(access.refusal(OTHER_HOST, "Basic s3cret-token", "192.0.2.1:7070", null).isPresent());
    assertTrue(access.refusal(OTHER_HOST, "Bearer s3cret-token", "192.0.2.1:7070", null).isEmpty());
    assertTrue(access.refusal(LOOPBACK, "Bearer wrong", "127.0.0.1:7070", null).isPresent());
  }

  @Test
  void aConfiguredTokenIsRequiredFromThisMachineToo() {
    AdminAccess access = new AdminAccess("s3cret-token");

    assertTrue(access.refusal(LOOPBACK, null, "127.0.0.1:7070", null).isPresent(), "loopback without the token");
    assertTrue(access.refusal(LOOPBACK, null, "localhost:7070", "http://localhost:7070").isPresent(),
        "the server's own page without the token");
    assertTrue(access.refusal(LOOPBACK, "Bearer s3cret-token", "127.0.0.1:7070", null).isEmpty());
  }

  @Test
  void onlyPagesOfThisVerySchemeHostAndPortAreAdmitted() {
    AdminAccess access = AdminAccess.loopbackOnly();
    String host = "localhost:7070";

    assertTrue(refusal(access, host, "http://localhost:7070", null, null).isEmpty(), "same origin");
    assertTrue(refusal(access, host, "http://LOCALHOST:7070", null, null).isEmpty(), "host names ignore case");
    assertTrue(refusal(access, "localhost", "http://localhost:80", null, null).isEmpty(), "default port spelled out");
    assertTrue(refusal(access, host, "http://localhost:7071", null, null).isPresent(), "another port of localhost");
    assertTrue(refusal(access, host, "http://localhost", null, null).isPresent(), "port 80 of localhost");
    assertTrue(refusal(access, host, "https://localhost:7070", null, null).isPresent(), "another scheme");
    assertTrue(refusal(access, host, "http://127.0.0.1:7070", null, null).isPresent(), "another host name");
    assertTrue(refusal(access, host, "null", null, null).isPresent(), "an opaque origin (sandboxed page, file:)");
    // Without Origin, the fetch metadata decides, then the Referer.
    assertTrue(refusal(access, host, null, "same-origin", null).isEmpty());
    assertTrue(refusal(access, host, null, "none", null).isEmpty(), "typed by the user");
    assertTrue(refusal(access, host, null, "same-site", null).isPresent(), "another port of localhost is the same site");
    assertTrue(refusal(access, host, null, "cross-site", null).isPresent());
    assertTrue(refusal(access, host, null, null, "http://localhost:7070/index.html").isEmpty());
    assertTrue(refusal(access, host, null, null, "http://localhost:7071/attack.html").isPresent());
    assertTrue(refusal(access, host, null, null, null).isEmpty(), "a command-line client sends none of them");
  }

  private static java.util.Optional<String> refusal(AdminAccess access, String host, String origin, String secFetchSite,
      String referer) {
    return access.refusal(new AdminAccess.Caller(LOOPBACK, "http", null, host, origin, secFetchSite, referer));
  }

  @Test
  void overHttpTheTokenAndTheOriginAreChecked(@TempDir Path indexDir) throws Exception {
    AtomicInteger reindexes = new AtomicInteger();
    Reindexer counting = () -> {
      reindexes.incrementAndGet();
      return new Reindexer.Result(12, 0);
    };
    try (TestServer open = TestServer.start(indexDir, web -> web.admin(AdminAccess.loopbackOnly(), counting))) {
      String otherPort = "http://127.0.0.1:" + (open.port() == 65535 ? 65534 : open.port() + 1);
      assertEquals(403, post(open, "/api/admin/reindex", null, "Origin", otherPort).statusCode(), "a page on another port");
      assertEquals(403, post(open, "/api/admin/reindex", null, "Referer", otherPort + "/x.html").statusCode());
      assertEquals(0, reindexes.get());
      assertEquals(200, post(open, "/api/admin/reindex", null, "Origin", open.baseUrl()).statusCode(), "the server's own page");
      assertEquals(1, reindexes.get());
    }
    try (TestServer withToken = TestServer.start(indexDir, web -> web.admin(new AdminAccess("s3cret-token"), counting))) {
      HttpResponse<String> without = post(withToken, "/api/admin/reindex", null);
      assertEquals(403, without.statusCode(), "loopback without the token");
      assertEquals("forbidden", TestServer.json(without).path("error").path("code").asText());
      assertEquals(1, reindexes.get());
      assertEquals(200, post(withToken, "/api/admin/reindex", "s3cret-token").statusCode());
      assertEquals(2, reindexes.get());
    }
  }

  @Test
  void noMethodOverrideReachesTheAdminEndpoint(@TempDir Path indexDir) throws Exception {
    AtomicInteger reindexes = new AtomicInteger();
    try (TestServer server = TestServer.start(indexDir, web -> web.admin(AdminAccess.loopbackOnly(), () -> {
      reindexes.incrementAndGet();
      return new Reindexer.Result(12, 0);
    }))) {
      for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/admin/reindex"))
            .header(header, "POST").GET());
        assertEquals(400, response.statusCode(), header + ": " + response.body());
        assertEquals("method_override_refused", TestServer.json(response).path("error").path("code").asText());
        HttpResponse<String> search = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search?q=ai"))
            .header(header, "DELETE").GET());
        assertEquals(400, search.statusCode(), "refused on every route");
      }
      HttpResponse<String> plainGet = server.get("/api/admin/reindex");
      assertEquals(405, plainGet.statusCode());
      assertEquals(0, reindexes.get(), "no GET reindexed");
    }
  }

  @Test
  void thisMachineIsAdmittedUnlessABrowserPageOfAnotherSiteAsks() throws Exception {
    AdminAccess access = AdminAccess.loopbackOnly();

    assertTrue(access.refusal(LOOPBACK, null, "127.0.0.1:7070", null).isEmpty());
    assertTrue(access.refusal(LOOPBACK, null, "localhost:7070", "http://localhost:7070").isEmpty());
    assertTrue(access.refusal(InetAddress.getByName("::1"), null, "[::1]:7070", null).isEmpty());
    assertTrue(access.refusal(LOOPBACK, null, "127.0.0.1:7070", "https://attacker.example").isPresent());
    assertTrue(access.refusal(LOOPBACK, null, "rebound.attacker.example:7070", null).isPresent(), "DNS rebinding");
    assertTrue(access.refusal(LOOPBACK, null, null, null).isPresent(), "no Host header");
  }

  @Test
  void reindexFromThisMachinePublishesAndServesTheNewArticles(@TempDir Path indexDir, @TempDir Path corpus) throws Exception {
    Files.copy(TestCorpus.seedCorpus().resolve("newscentral-xi-ai-chips-2025-04.txt"), corpus.resolve("xi.txt"));
    try (TestServer server = TestServer.start(indexDir,
        web -> web.admin(AdminAccess.loopbackOnly(), reindexer(indexDir, corpus)), corpus)) {
      assertEquals(0, server.getJson("/api/search?q=okapiquill").path("total").asInt());
      Files.writeString(corpus.resolve("added.txt"), "The okapiquill arrives\n\nA new article about the okapiquill.\n");

      HttpResponse<String> response = post(server, "/api/admin/reindex", null);

      assertEquals(200, response.statusCode(), response.body());
      JsonNode body = TestServer.json(response);
      assertEquals(2, body.path("articles").asInt());
      assertEquals(2, body.path("documents").asInt());
      assertEquals(1, server.getJson("/api/search?q=okapiquill").path("total").asInt(), "served right after the answer");
    }
  }

  @Test
  void oneReindexAtATime(@TempDir Path indexDir) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TestServer server = TestServer.start(indexDir, web -> web.admin(AdminAccess.loopbackOnly(), () -> {
      started.countDown();
      release.await(10, TimeUnit.SECONDS);
      return new Reindexer.Result(12, 0);
    }))) {
      CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post(server, "/api/admin/reindex", null));
      assertTrue(started.await(10, TimeUnit.SECONDS));

      HttpResponse<String> second = post(server, "/api/admin/reindex", null);
      release.countDown();

      assertEquals(409, second.statusCode(), second.body());
      assertEquals("reindex_running", TestServer.json(second).path("error").path("code").asText());
      assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
    }
  }

  @Test
  void aFailedReindexKeepsServingTheIndex(@TempDir Path indexDir) throws Exception {
    try (TestServer server = TestServer.start(indexDir, web -> web.admin(AdminAccess.loopbackOnly(), () -> {
      throw new IllegalStateException("corpus folder /srv/news/corpus is gone");
    }))) {
      HttpResponse<String> response = post(server, "/api/admin/reindex", null);

      assertEquals(500, response.statusCode());
      assertEquals("reindex_failed", TestServer.json(response).path("error").path("code").asText());
      HostileRequestsTest.assertNoStackTrace(response.body());
      assertFalse(response.body().contains("/srv/news/corpus"), "no path of the server's machine: " + response.body());
      assertFalse(response.body().contains("IllegalStateException"), response.body());
      assertFalse(response.body().contains("is gone"), "the exception's text stays in the log: " + response.body());
      assertEquals(12, server.getJson("/api/health").path("documents").asInt());
    }
  }

  @Test
  void aServerWithoutReindexingSaysSo(@TempDir Path indexDir) throws Exception {
    try (TestServer server = TestServer.start(indexDir)) {
      HttpResponse<String> response = post(server, "/api/admin/reindex", null);

      assertEquals(404, response.statusCode());
      assertTrue(List.of("not_found").contains(TestServer.json(response).path("error").path("code").asText()));
    }
  }

  /** Indexes {@code corpus} into {@code indexDir} as the server's admin command does. */
  static Reindexer reindexer(Path indexDir, Path corpus) {
    return () -> {
      TestCorpus.index(indexDir, corpus);
      return new Reindexer.Result(TestCorpus.read(corpus).size(), 0);
    };
  }

  static HttpResponse<String> post(TestServer server, String path, String token, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return server.send(request);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
