package newssearch.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product, run as users run it: {@code java -jar target/news-search.jar ...} in a process of
 * its own, so its Lucene 10 never meets Solr's Lucene 9 on one class path.
 */
final class Product {
  private static final Pattern SERVING = Pattern.compile("serving .* at (http://\\S+?)/?$");

  private Product() {}

  static Path home() {
    return Path.of("..").toAbsolutePath().normalize();
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("product.jar", home().resolve("target/news-search.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the product first (mvn package in " + home() + ")");
    }
    return jar;
  }

  private static List<String> command(String... args) {
    return command(jar(), args);
  }

  private static List<String> command(Path jar, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Enough for the bundled corpus and the BBC folder; a scaled corpus needs more (-Dproduct.heap=6g).
    command.add("-Xmx" + System.getProperty("product.heap", "512m"));
    command.add("-Dnews.home=" + home());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** What a finished command printed, and its exit status. */
  record Run(int status, String out) {}

  /** Runs a command to its end (at most five minutes). */
  static Run run(String... args) throws IOException, InterruptedException {
    return runWith(jar(), args);
  }

  /** Runs a command of another build of the product ({@code jar}) to its end. */
  static Run runWith(Path jar, String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(jar, args)).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("news-search " + String.join(" ", args) + " did not finish");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Starts a command and returns at once; what it prints goes to {@code log}. */
  static Process start(Path log, String... args) throws IOException {
    return new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** A running {@code serve}: its URL, stopped by {@link #close()}. */
  static final class Server implements AutoCloseable {
    final Process process;
    final String url;

    private Server(Process process, String url) {
      this.process = process;
      this.url = url;
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts {@code serve} with {@code args} on a free port and waits until it says where it serves. */
  static Server serve(String... args) throws IOException {
    return serveWith(jar(), args);
  }

  /** Starts {@code serve} of another build of the product ({@code jar}), as {@link #serve}. */
  static Server serveWith(Path jar, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("serve", "--port", "0"));
    all.addAll(List.of(args));
    Process p = new ProcessBuilder(command(jar, all.toArray(String[]::new))).redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = lines.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = SERVING.matcher(line.strip());
      if (m.find()) {
        String url = m.group(1);
        Thread drain = new Thread(() -> {
          // The server's errors reach the test's output, so that a failed request can be traced.
          try {
            boolean inError = false;
            for (String l = lines.readLine(); l != null; l = lines.readLine()) {
              // An error line, then its stack trace: the lines until the next dated log line.
              inError = l.contains(" ERROR ") || inError && !(l.length() > 0 && Character.isDigit(l.charAt(0)));
              if (inError) {
                System.out.println("[served " + url + "] " + l);
              }
            }
          } catch (IOException e) {
            // The server stopped.
          }
        });
        drain.setDaemon(true);
        drain.start();
        return new Server(p, url);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("serve " + all + " stopped before serving:\n" + seen);
  }
}
