package newssearch.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import newssearch.TestCorpus;

/**
 * {@code news-search index} in a child JVM, as a user runs it in another terminal while the server
 * runs, so that it can be killed like one ({@code kill -9}).
 */
final class IndexProcess {
  private IndexProcess() {}

  /** Starts indexing {@code corpus} into {@code indexDir}; output goes to {@code log}. */
  static Process start(Path corpus, Path indexDir, Path log) throws IOException {
    return cli("index", "--config", TestCorpus.configDir().toString(), "--corpus", corpus.toString(), "--index", indexDir.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** {@code news-search ARGS} in a child JVM with this test's class path. */
  static ProcessBuilder cli(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dnews.home=" + TestCorpus.home(),
        "newssearch.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /**
   * How long a run may take before it counts as hung. Not a speed check: on a shared machine under
   * heavy load (and beside the tests' own search load) a child JVM indexing a few articles has
   * taken over two minutes, so the limit only catches a run that never ends.
   */
  static final int HUNG_AFTER_SECONDS = 600;

  /** Runs to the end; fails with the child's output unless it succeeded. */
  static void run(Path corpus, Path indexDir, Path log) throws IOException, InterruptedException {
    Process p = start(corpus, indexDir, log);
    if (!p.waitFor(HUNG_AFTER_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("indexing did not finish in " + HUNG_AFTER_SECONDS + " s:\n" + Files.readString(log));
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("indexing failed with " + p.exitValue() + ":\n" + Files.readString(log));
    }
  }

  /**
   * Writes {@code articles} generated news-like articles into {@code dir}, the same for the same
   * seed: enough text for an indexing run to take a few seconds.
   */
  static void generateCorpus(Path dir, int articles, long seed) throws IOException {
    String[] words = ("government market company election minister chips quantum energy trade football film music "
        + "court police health school bank shares growth profit talks deal report study climate water city "
        + "players season match award network software phone data security research university policy "
        + "China Europe America Nvidia Shanghai Beijing London Paris export controls artificial intelligence")
        .split(" ");
    Random random = new Random(seed);
    Files.createDirectories(dir);
    for (int i = 0; i < articles; i++) {
      StringBuilder text = new StringBuilder("Report number ").append(i).append(" on ").append(words[random.nextInt(words.length)])
          .append("\n\n");
      for (int p = 0; p < 4; p++) {
        for (int w = 0; w < 60; w++) {
          text.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        text.append("\n\n");
      }
      Files.writeString(dir.resolve(String.format("article-%05d.txt", i)), text);
    }
  }

  private static final java.util.regex.Pattern SERVING =
      java.util.regex.Pattern.compile("serving \\d+ articles at http://127\\.0\\.0\\.1:(\\d+)/");

  /** The port a child {@code serve} writing to {@code log} listens on, once it says so within {@code seconds}. */
  static int awaitServingPort(Path log, Process server, int seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      java.util.regex.Matcher m = SERVING.matcher(Files.readString(log));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!server.isAlive()) {
        throw new AssertionError("serve ended: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start in " + seconds + " s: " + Files.readString(log));
  }
}
