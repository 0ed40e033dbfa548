package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: the real server in a child process takes a stream of posts and is
 * killed with SIGKILL at points of the stream a fixed seed chooses; after each restart every article whose post
 * was answered 200 is found.
 */
class LiveDurabilityTest {
  private static final int ROUNDS = 3;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyAcknowledgedPostSurvivesKillDashNine(@TempDir Path corpus, @TempDir Path indexDir, @TempDir Path logs)
      throws Exception {
    LiveReindexTest.copySeedCorpus(corpus);
    Random random = new Random(20261202);
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    List<String> outcomes = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--config", TestCorpus.configDir().toString(),
          "--index", indexDir.toString()));
      if (round == 0) {
        args.addAll(List.of("--corpus", corpus.toString()));
      }
      Path log = logs.resolve("serve-" + round + ".log");
      Process server = IndexProcess.cli(args.toArray(String[]::new)).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
      try {
        int port = IndexProcess.awaitServingPort(log, server, 120);
        for (String id : acknowledged) {
          assertEquals(200, get(port, "/api/articles/" + id), "acknowledged article " + id + " is found after restart "
              + round + "; log: " + Files.readString(log));
        }
        int before = acknowledged.size();
        final int r = round;
        Thread poster = Thread.ofPlatform().start(() -> {
          for (int i = 0; ; i++) {
            String id = "durable-" + r + "-" + i;
            try {
              if (post(port, id) == 200) {
                acknowledged.add(id);
              }
            } catch (Exception e) {
              return; // the server was killed: this post was not acknowledged
            }
          }
        });
        // Killed after a number of answered posts the seed picks, plus a few milliseconds: while posts
        // are in flight, at a point of the stream that does not depend on how fast this machine is.
        int wanted = before + 5 + random.nextInt(40);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < wanted && System.nanoTime() < deadline && poster.isAlive()) {
          Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(30));
        server.destroyForcibly(); // SIGKILL
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        poster.join(30_000);
        outcomes.add((acknowledged.size() - before) + " acknowledged before the kill");
        assertTrue(acknowledged.size() > before, "posts were answered before the kill in round " + round);
      } finally {
        server.destroyForcibly();
      }
    }
    Path log = logs.resolve("serve-last.log");
    Process server = IndexProcess.cli("serve", "--port", "0", "--config", TestCorpus.configDir().toString(), "--index",
        indexDir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      int port = IndexProcess.awaitServingPort(log, server, 120);
      for (String id : acknowledged) {
        assertEquals(200, get(port, "/api/articles/" + id), "acknowledged article " + id + " is found");
      }
      // A post may also be kept whose answer the kill cut off: more may be found, never fewer.
      String body = body(port, "/api/search?q=durablestream&size=1");
      long total = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("total").asLong();
      assertTrue(total >= acknowledged.size(), "every acknowledged post is searchable: " + total + " of "
          + acknowledged.size());
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    System.out.printf("live durability: %d acknowledged posts over %d kills (%s), all found after restart%n",
        acknowledged.size(), ROUNDS, outcomes);
  }

  private int post(int port, String id) throws Exception {
    String body = "{\"id\": \"" + id + "\", \"title\": \"Durablestream report " + id + "\", \"text\": \"Durablestream "
        + "article " + id + " about markets and chips.\"}\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles"))
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private int get(int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private String body(int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
