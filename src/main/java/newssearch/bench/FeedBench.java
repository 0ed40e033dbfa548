package newssearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongSupplier;
import newssearch.ingest.Article;

/**
 * Live updates under search load, as a newsroom feeds a server that readers are searching: the
 * query list runs under wrk, first alone (the idle baseline), then again while this posts the
 * corpus to {@code POST /api/articles} as JSON Lines, one batch after another, for as long as wrk
 * runs. Each batch's last article is then looked up until it is found, which measures visibility:
 * the time from a post's answer to its articles being searchable.
 */
final class FeedBench {
  /** Articles per POST, as the project's targets state them. */
  static final int BATCH = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How often the visibility watcher asks for the awaited article. */
  private static final long POLL_MILLIS = 5;

  /**
   * What one run measured.
   *
   * @param idle the query list under wrk with no posts
   * @param fed the same while posting
   * @param posted articles answered 200 (added, or replaced on a later pass over the corpus)
   * @param postSeconds wall time from the first post to the last answer
   * @param failedRecords records the server reported as failed in its answers
   * @param failedPosts posts answered other than 200, or not at all
   * @param visibility per batch, from its answer to its last article being found
   * @param warmupPosted articles posted, unmeasured, before the idle baseline (0: no warm-up)
   * @param idleCpuNanos the server's CPU time while the idle baseline ran (0 when not known)
   * @param fedCpuNanos the server's CPU time while the fed run ran (0 when not known)
   */
  record Result(Wrk.Result idle, Wrk.Result fed, long posted, double postSeconds, long failedRecords, long failedPosts,
      Latencies visibility, long warmupPosted, long idleCpuNanos, long fedCpuNanos) {
    double articlesPerSecond() {
      return posted / postSeconds;
    }

    /** The server's CPU milliseconds per search with no posts; NaN when not known. */
    double searchCpuMs() {
      return idleCpuNanos <= 0 || idle.requests() == 0 ? Double.NaN : idleCpuNanos / 1e6 / idle.requests();
    }

    /**
     * The server's CPU milliseconds per article posted: its CPU while fed, less what the searches
     * answered meanwhile cost at the idle rate. An estimate (a search may cost a little more beside
     * the posts, which this counts as the posts'); NaN when not known.
     */
    double ingestCpuMs() {
      double search = searchCpuMs();
      return Double.isNaN(search) || fedCpuNanos <= 0 || posted == 0
          ? Double.NaN
          : (fedCpuNanos / 1e6 - search * fed.requests()) / posted;
    }
  }

  private record Awaited(String id, long answeredNanos) {}

  /** What a stream of posts got back. */
  private static final class Posts {
    long posted;
    long failedRecords;
    long failedPosts;
    long start = System.nanoTime();
    long end = start;
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * Measures {@code base}, a server that takes live updates, posting {@code articles} with fresh
   * ids. With {@code warmupSeconds}, the corpus is first posted that long while wrk runs, unmeasured,
   * so that the figures are those of a server that has been fed for a while, as a newsroom's is: the
   * JIT compiles the enrichment and indexing code, and recompiles searches beside it, over the first
   * minute or two, which a short cold run charges to the posts. {@code serverCpuNanos} reads the
   * server's CPU time (returning 0 when unknown).
   */
  Result run(String base, List<Article> articles, Wrk wrk, List<String> searches, int seconds, int warmupSeconds,
      LongSupplier serverCpuNanos, Path dir) throws IOException, InterruptedException {
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("no articles to post");
    }
    // An unmeasured first run, so that the server's search code is compiled before the baseline.
    wrk.run(base, searches, Math.max(2, seconds / 3), dir);
    long warmupPosted = 0;
    if (warmupSeconds > 0) {
      CompletableFuture<Wrk.Result> warm = wrkAsync(wrk, base, searches, warmupSeconds, dir);
      warmupPosted = postWhileRunning(base, articles, "warm", warm, null).posted;
      join(warm);
    }
    long cpu0 = serverCpuNanos.getAsLong();
    Wrk.Result idle = wrk.run(base, searches, seconds, dir);
    long cpu1 = serverCpuNanos.getAsLong();

    CompletableFuture<Wrk.Result> fed = wrkAsync(wrk, base, searches, seconds, dir);
    Latencies visibility = new Latencies();
    BlockingQueue<Awaited> awaited = new LinkedBlockingQueue<>();
    Thread watcher = Thread.ofPlatform().name("bench-visibility").daemon().start(() -> watch(base, awaited, visibility));
    Posts posts = postWhileRunning(base, articles, "feed", fed, awaited);
    Wrk.Result fedResult = join(fed);
    long cpu2 = serverCpuNanos.getAsLong();
    awaited.add(new Awaited(null, 0));
    watcher.join(Duration.ofSeconds(90)); // past the longest wait for one article (60 s), so the figures are complete
    boolean cpuKnown = cpu0 > 0 && cpu2 > 0;
    return new Result(idle, fedResult, posts.posted, (posts.end - posts.start) / 1e9, posts.failedRecords,
        posts.failedPosts, visibility, warmupPosted, cpuKnown ? cpu1 - cpu0 : 0, cpuKnown ? cpu2 - cpu1 : 0);
  }

  private static CompletableFuture<Wrk.Result> wrkAsync(Wrk wrk, String base, List<String> searches, int seconds, Path dir) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return wrk.run(base, searches, seconds, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  private static Wrk.Result join(CompletableFuture<Wrk.Result> run) throws IOException, InterruptedException {
    try {
      return run.get();
    } catch (ExecutionException e) {
      throw new IOException("wrk failed during the feed", e.getCause());
    }
  }

  /**
   * Posts the corpus in batches, one after another, pass after pass with ids prefixed
   * {@code prefix + pass + "-"}, until {@code until} is done; each answered batch's last id goes to
   * {@code awaited} when that is not null.
   */
  private Posts postWhileRunning(String base, List<Article> articles, String prefix, CompletableFuture<?> until,
      BlockingQueue<Awaited> awaited) throws IOException, InterruptedException {
    Posts posts = new Posts();
    for (int pass = 0, i = 0; !until.isDone(); ) {
      List<Article> batch = articles.subList(i, Math.min(articles.size(), i + BATCH));
      String idPrefix = prefix + pass + "-";
      HttpResponse<String> answer = post(base, batch, idPrefix);
      posts.end = System.nanoTime();
      if (answer != null && answer.statusCode() == 200) {
        int failed = JSON.readTree(answer.body()).path("failed").size();
        posts.failedRecords += failed;
        posts.posted += batch.size() - failed;
        if (awaited != null) {
          awaited.add(new Awaited(idPrefix + batch.get(batch.size() - 1).id(), posts.end));
        }
      } else {
        posts.failedPosts++;
      }
      i += BATCH;
      if (i >= articles.size()) {
        i = 0;
        pass++;
      }
    }
    return posts;
  }

  private HttpResponse<String> post(String base, List<Article> batch, String idPrefix) throws InterruptedException {
    StringBuilder lines = new StringBuilder();
    for (Article a : batch) {
      lines.append(jsonLine(a, idPrefix)).append('\n');
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/articles"))
        .header("Content-Type", "application/x-ndjson")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(lines.toString(), StandardCharsets.UTF_8))
        .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    }
  }

  /** One JSON Lines record with the fields a corpus file has. */
  static String jsonLine(Article a, String idPrefix) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", idPrefix + a.id());
    o.put("title", a.title());
    o.put("text", a.text());
    if (a.date() != null) {
      o.put("date", a.date().day().toString());
    }
    if (!a.source().isEmpty()) {
      o.put("source", a.source());
    }
    a.topics().forEach(o.putArray("topics")::add);
    return o.toString();
  }

  /** Takes the awaited articles in order and asks for each until it is there; a null id ends. */
  private void watch(String base, BlockingQueue<Awaited> awaited, Latencies visibility) {
    try {
      for (Awaited a; (a = awaited.take()).id() != null; ) {
        URI uri = URI.create(base + "/api/articles/" + URLEncoder.encode(a.id(), StandardCharsets.UTF_8).replace("+", "%20"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        long deadline = a.answeredNanos() + Duration.ofSeconds(60).toNanos();
        boolean found = false;
        while (!found && System.nanoTime() < deadline) {
          try {
            if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
              visibility.add(System.nanoTime() - a.answeredNanos());
              found = true;
            }
          } catch (IOException e) {
            // Counted as not yet visible; the deadline bounds the wait.
          }
          if (!found) {
            Thread.sleep(POLL_MILLIS);
          }
        }
        if (!found) {
          visibility.add(System.nanoTime() - a.answeredNanos()); // never seen: counted as the whole wait
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
