// Overload probe: N closed-loop clients (virtual threads, one connection each) send the query list
// of bench/queries.txt to /api/search for a bounded time, while one more client asks /api/health
// every 100 ms. Prints how many searches were served (200) and refused (503 with Retry-After), the
// latency percentiles of each, failures (time-outs, other statuses) and health's latency.
// Run (JDK 21+): java bench/Overload.java http://127.0.0.1:7111 600 15
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

public class Overload {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    int connections = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    List<URI> searches = new ArrayList<>();
    for (String q : Files.readAllLines(Path.of("bench/queries.txt"))) {
      // A kind, a tab, then the parameters of /api/search as a query string.
      if (!q.isBlank() && !q.startsWith("#")) {
        searches.add(URI.create(base + "/api/search?" + encoded(q.substring(q.indexOf('\t') + 1).strip())));
      }
    }
    ConcurrentLinkedQueue<Long> served = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> refused = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> health = new ConcurrentLinkedQueue<>();
    LongAdder failed = new LongAdder();
    LongAdder noRetryAfter = new LongAdder();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int offset = c;
      // One client per connection: HTTP/1.1, a connection kept alive, as wrk's.
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      threads.add(Thread.ofVirtual().start(() -> {
        for (int i = offset; running.get(); i++) {
          long start = System.nanoTime();
          try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(searches.get(i % searches.size()))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            long micros = (System.nanoTime() - start) / 1000;
            if (r.statusCode() == 200) {
              served.add(micros);
            } else if (r.statusCode() == 503) {
              refused.add(micros);
              if (r.headers().firstValue("Retry-After").isEmpty()) noRetryAfter.increment();
            } else {
              failed.increment();
            }
          } catch (Exception e) {
            failed.increment();
          }
        }
      }));
    }
    HttpClient monitor = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Thread probe = Thread.ofPlatform().start(() -> {
      while (running.get()) {
        long start = System.nanoTime();
        try {
          HttpResponse<Void> r = monitor.send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
          health.add(r.statusCode() == 200 ? (System.nanoTime() - start) / 1000 : -1L);
          Thread.sleep(100);
        } catch (Exception e) {
          health.add(-1L);
        }
      }
    });
    Thread.sleep(seconds * 1000L);
    running.set(false);
    for (Thread t : threads) t.join(15_000);
    probe.join(15_000);
    long healthFailed = health.stream().filter(v -> v < 0).count();
    System.out.printf("connections %d, %d s%n", connections, seconds);
    System.out.printf("searches served (200): %d  %s%n", served.size(), percentiles(served));
    System.out.printf("searches refused (503): %d  %s  (without Retry-After: %d)%n", refused.size(),
        percentiles(refused), noRetryAfter.sum());
    System.out.printf("failed (time-out, error, other status): %d%n", failed.sum());
    System.out.printf("health: %d asked, %d failed  %s%n", health.size(), healthFailed,
        percentiles(new ConcurrentLinkedQueue<>(health.stream().filter(v -> v >= 0).toList())));
    System.exit(0);
  }

  /** A query string as written in the list (spaces, "|") with each name and value percent-encoded. */
  static String encoded(String query) {
    List<String> pairs = new ArrayList<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return String.join("&", pairs);
  }

  static String percentiles(ConcurrentLinkedQueue<Long> micros) {
    if (micros.isEmpty()) return "";
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.5), at(sorted, 0.9),
        at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
  }

  static double at(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
  }
}
