package newssearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * news-search in a child JVM, as a user starts it: the same jar or classes, the launcher's JVM
 * options and a fixed maximum heap. Measures start time, and heap and resident memory while it
 * serves.
 */
final class ServerProcess {
  /** What one start measured. */
  record Result(long documents, double secondsToFirstSearch, double heapAfterGcMb, double rssMb, String maxHeap) {}

  static final Pattern SERVING = Pattern.compile("serving (\\d+) articles (?:of Solr collection \\S+ )?at (http://\\S+?)/?$");
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");
  private static final Duration START_LIMIT = Duration.ofMinutes(5);

  private final Path home;
  private final Path configDir;
  private final String maxHeap;

  ServerProcess(Path home, Path configDir, String maxHeap) {
    this.home = home;
    this.configDir = configDir;
    this.maxHeap = maxHeap;
  }

  /** Wall time of {@code news-search index --corpus corpus} in a new JVM, in seconds. */
  double timeIndexCommand(Path corpus, Path indexDir, Path log) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command("index", "--corpus", corpus.toString(), "--index", indexDir.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("the index command did not finish in " + START_LIMIT.toMinutes() + " min; see " + log);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0) {
      throw new IOException("the index command failed (exit " + p.exitValue() + "); see " + log);
    }
    return seconds;
  }

  /** A server started by {@link #start}: its URL and how many articles it serves; closing stops it. */
  record Running(Process process, String base, long documents, long startNanos) implements AutoCloseable {
    /** The server's CPU time so far, all threads; 0 when the system does not tell. */
    long cpuNanos() {
      return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() throws InterruptedException {
      stop(process);
    }
  }

  /** Starts {@code serve --index indexDir} on a free loopback port and waits until it serves. */
  Running start(Path indexDir, Path log) throws IOException, InterruptedException {
    return start(log, "serve", "--index", indexDir.toString(), "--host", "127.0.0.1", "--port", "0");
  }

  /**
   * Starts {@code serve} with {@code args} (after {@code --index DIR} or {@code --solr URLS
   * --collection NAME}) on a free loopback port and waits until it serves.
   */
  Running start(Path log, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("serve", "--host", "127.0.0.1", "--port", "0"));
    command.addAll(args);
    return start(log, command.toArray(String[]::new));
  }

  private Running start(Path log, String... args) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    try {
      Matcher serving = watchOutput(p, log).get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
      return new Running(p, serving.group(2), Long.parseLong(serving.group(1)), start);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      stop(p);
      throw new IOException("the server did not start in " + START_LIMIT.toMinutes() + " min; see " + log, e);
    }
  }

  /**
   * Serves {@code indexDir} on a free loopback port, times launch to the first answered search,
   * then sends {@code paths} {@code rounds} times and measures heap after a full GC and RSS.
   */
  Result serve(Path indexDir, List<String> paths, int rounds, Path log) throws IOException, InterruptedException {
    try (Running server = start(indexDir, log)) {
      HttpClient client = HttpClient.newHttpClient();
      while (get(client, server.base() + paths.get(0)) != 200) {
        Thread.sleep(5);
      }
      double toFirstSearch = (System.nanoTime() - server.startNanos()) / 1e9;
      for (int r = 0; r < rounds; r++) {
        for (String path : paths) {
          int status = get(client, server.base() + path);
          if (status != 200) {
            throw new IOException("GET " + path + " answered " + status);
          }
        }
      }
      double heap = heapAfterGcMb(server.process().pid());
      double rss = rssMb(server.process().pid());
      return new Result(server.documents(), toFirstSearch, heap, rss, maxHeap);
    }
  }

  private List<String> command(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap,
        "--enable-native-access=ALL-UNNAMED",
        "-Dnews.home=" + home, "-cp", System.getProperty("java.class.path"), "newssearch.cli.Main"));
    command.addAll(List.of(args));
    command.addAll(List.of("--config", configDir.toString()));
    return command;
  }

  /** Copies the child's output to {@code log}; completes with the server's URL when it prints it. */
  private static CompletableFuture<Matcher> watchOutput(Process p, Path log) {
    CompletableFuture<Matcher> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
          var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        for (String line; (line = in.readLine()) != null; ) {
          out.write(line);
          out.newLine();
          out.flush();
          Matcher m = SERVING.matcher(line.strip());
          if (m.find()) {
            url.complete(m);
          }
        }
        url.completeExceptionally(new IOException("the server exited before serving"));
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
    }, "bench-server-output");
    reader.setDaemon(true);
    reader.start();
    return url;
  }

  private static int get(HttpClient client, String url) throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Used heap after a full collection, by {@code jcmd} of the same JDK. */
  private static double heapAfterGcMb(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    if (!m.find()) {
      throw new IOException("jcmd GC.heap_info gave no heap figure: " + info.strip());
    }
    return Long.parseLong(m.group(1)) / 1024.0;
  }

  private static String jcmd(long pid, String what) throws IOException, InterruptedException {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow(() -> new IOException("cannot find this JVM's java")));
    Path jcmd = java.resolveSibling("jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), what).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /** Resident set size from /proc; NaN where there is no /proc. */
  static double rssMb(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.exists(status)) {
      return Double.NaN;
    }
    Optional<String> line = Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:")).findFirst();
    return line.map(l -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024.0).orElse(Double.NaN);
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
