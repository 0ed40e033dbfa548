package newssearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past its limit of concurrent API requests the server answers at once with a 503 and
 * Retry-After, and health is answered all the while. Searches for "slow" are held on a latch
 * inside the limit, so the limit is full exactly when the test says so: no timing is involved.
 */
class LoadSheddingTest {
  @TempDir Path indexDir;

  private final CountDownLatch entered = new CountDownLatch(2);
  private final CountDownLatch release = new CountDownLatch(1);

  private TestServer start(LoadLimits limits) {
    return TestServer.start(indexDir, web -> web.loadLimits(limits).beforeApi(ctx -> {
      if ("slow".equals(ctx.queryParam("q"))) {
        entered.countDown();
        release.await(30, TimeUnit.SECONDS);
      }
    }));
  }

  @Test
  void beyondTheLimitSearchesGetA503WithRetryAfterAndHealthIsServed() throws Exception {
    try (TestServer server = start(new LoadLimits(2, 0, Duration.ofSeconds(30)))) {
      List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          held.add(CompletableFuture.supplyAsync(() -> get(server, "/api/search?q=slow")));
        }
        assertTrue(entered.await(10, TimeUnit.SECONDS), "two searches inside the limit");

        HttpResponse<String> refused = server.get("/api/search?q=nvidia");
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""), "Retry-After");
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("overloaded", TestServer.json(refused).path("error").path("code").asText());
        assertTrue(refused.headers().firstValue("Content-Security-Policy").isPresent(), "security headers too");
        assertEquals("*", refused.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
            "a page elsewhere can read the refusal");
        assertEquals(503, server.get("/api/suggest?q=nv").statusCode(), "every API route shares the limit");

        HttpResponse<String> health = server.get("/api/health");
        assertEquals(200, health.statusCode(), "health is outside the limit: " + health.body());
        assertEquals(200, server.get("/index.html").statusCode(), "so is the page");
      } finally {
        release.countDown();
      }
      for (CompletableFuture<HttpResponse<String>> h : held) {
        assertEquals(200, h.get(10, TimeUnit.SECONDS).statusCode());
      }
      // Jetty gives a place back when it has finished the response, which can be just after the
      // client has read it: the limit frees within moments, not necessarily before the next request.
      int status = 0;
      for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); status != 200 && System.nanoTime() < end; ) {
        status = server.get("/api/search?q=nvidia").statusCode();
        if (status != 200) {
          Thread.sleep(20);
        }
      }
      assertEquals(200, status, "served again once the limit frees");
    }
  }

  @Test
  void aQueuedRequestWaitsForAPlaceAndIsRefusedWhenItWaitsTooLong() throws Exception {
    try (TestServer server = start(new LoadLimits(1, 1, Duration.ofMillis(200)))) {
      CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> get(server, "/api/search?q=slow"));
      try {
        entered.countDown();
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        // Queued behind the held search, which never frees its place in time.
        HttpResponse<String> waited = server.get("/api/search?q=nvidia");
        assertEquals(503, waited.statusCode(), waited.body());
        assertEquals("1", waited.headers().firstValue("Retry-After").orElse(""));
        assertEquals("overloaded", TestServer.json(waited).path("error").path("code").asText());
      } finally {
        release.countDown();
      }
      assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
    }
  }

  @Test
  void limitsAreCheckedOnce() {
    assertThrowsIllegal(() -> new LoadLimits(0, 1, Duration.ofSeconds(1)));
    assertThrowsIllegal(() -> new LoadLimits(1, -1, Duration.ofSeconds(1)));
    assertThrowsIllegal(() -> new LoadLimits(1, 1, Duration.ZERO));
    assertTrue(LoadLimits.forThisMachine().concurrent() >= 2);
  }

  private static void assertThrowsIllegal(Runnable r) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
  }

  private static HttpResponse<String> get(TestServer server, String path) {
    try {
      return server.get(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
