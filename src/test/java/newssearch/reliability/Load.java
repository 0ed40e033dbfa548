package newssearch.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop HTTP load on loopback: {@code connections} threads, each sending its next request as
 * soon as the previous one is answered. A request fails when it does not answer 200 within 10 s.
 * Latencies go into a fixed histogram (0.1 ms buckets up to 10 s), so measuring allocates
 * nothing that would show as heap growth.
 */
final class Load implements AutoCloseable {
  private static final int BUCKET_MICROS = 100;
  private static final int BUCKETS = 100_000;

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final List<URI> targets;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
  private final ConcurrentLinkedQueue<String> firstFailures = new ConcurrentLinkedQueue<>();
  private final long startNanos = System.nanoTime();

  private Load(String baseUrl, List<String> paths) {
    this.targets = paths.stream().map(p -> URI.create(baseUrl + p)).toList();
  }

  /** Starts {@code connections} clients requesting {@code paths} (under {@code baseUrl}) in turn. */
  static Load start(String baseUrl, int connections, List<String> paths) {
    Load load = new Load(baseUrl, paths);
    for (int i = 0; i < connections; i++) {
      int offset = i;
      Thread t = new Thread(() -> load.loop(offset), "load-" + i);
      t.setDaemon(true);
      load.threads.add(t);
      t.start();
    }
    return load;
  }

  private void loop(int offset) {
    for (int i = offset; running.get(); i++) {
      URI target = targets.get(i % targets.size());
      long start = System.nanoTime();
      try {
        HttpResponse<byte[]> response = client.send(
            HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          fail(target + " answered " + response.statusCode() + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        fail(target + " failed: " + e);
      }
      long micros = (System.nanoTime() - start) / 1_000;
      histogram.incrementAndGet((int) Math.min(BUCKETS - 1, micros / BUCKET_MICROS));
      requests.increment();
    }
  }

  private void fail(String what) {
    failures.increment();
    if (firstFailures.size() < 10) {
      firstFailures.add(what);
    }
  }

  /** Stops the clients and returns what they saw. */
  Summary stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(15_000);
    }
    return summary();
  }

  Summary summary() {
    long[] counts = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = histogram.get(i);
    }
    return new Summary(requests.sum(), failures.sum(), (System.nanoTime() - startNanos) / 1e9,
        percentile(counts, 0.50), percentile(counts, 0.95), percentile(counts, 0.99), percentile(counts, 1.0),
        List.copyOf(firstFailures));
  }

  private static double percentile(long[] counts, double p) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    long rank = Math.max(1, (long) Math.ceil(p * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return (i + 1) * BUCKET_MICROS / 1000.0;
      }
    }
    return 0;
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }

  /** Latencies in milliseconds (upper bound of their 0.1 ms bucket). */
  record Summary(long requests, long failures, double seconds, double p50, double p95, double p99, double max,
      List<String> firstFailures) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%,d requests in %.1f s (%,.0f/s), %d failed; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s",
          requests, seconds, requests / seconds, failures, p50, p95, p99, max,
          firstFailures.isEmpty() ? "" : "; first failures: " + firstFailures);
    }
  }
}
