package newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's commands, run as a user runs them: bin/news-search from another folder, JAVA_HOME unset. */
class LauncherIT {
  private static final Path LAUNCHER = TestCorpus.home().resolve("bin/news-search");
  private static final Pattern SERVING = Pattern.compile("serving (\\d+) articles at (http://\\S+)/");

  private static ProcessBuilder launcher(Path workDir, String... args) {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    return pb;
  }

  private static String run(ProcessBuilder pb, int expectedExit) throws Exception {
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
    assertEquals(expectedExit, p.exitValue(), output);
    return output;
  }

  @Test
  void indexBuildsTheBundledCorpusAndPrintsASummary(@TempDir Path tmp) throws Exception {
    String output = run(launcher(tmp, "index", "--index", tmp.resolve("index").toString()), 0);
    assertTrue(output.matches("(?s).*articles indexed\\s+12\\b.*"), output);
    assertTrue(Files.isRegularFile(tmp.resolve("index/CURRENT")));
    // Users see no JVM or Lucene notices, and no rate measured over twelve articles.
    assertTrue(!output.contains("WARNING") && !output.contains("incubator"), output);
    assertTrue(!output.contains("articles per second"), output);
  }

  @Test
  void serveIndexesWhenThereIsNoIndexAndAnswersOnThePrintedUrl(@TempDir Path tmp) throws Exception {
    Process server = launcher(tmp, "serve", "--port", "0", "--index", tmp.resolve("index").toString()).start();
    try {
      String url = awaitUrl(server);
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> search = client.send(
          HttpRequest.newBuilder(URI.create(url + "/api/search?q=nvidia")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, search.statusCode());
      assertTrue(search.body().contains("\"title\":\"Nvidia seeks China market access as US eases AI chip restrictions\""), search.body());
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void withoutAJdk21TheLauncherSaysWhatToInstallInOneLine(@TempDir Path tmp) throws Exception {
    // A PATH with the shell tools the launcher uses but no java, and an empty JVM folder.
    Path bin = Files.createDirectory(tmp.resolve("bin"));
    for (String tool : List.of("bash", "dirname", "readlink", "sed", "head", "ls", "sort", "find", "mkdir", "tail", "cat")) {
      Path real = Path.of("/usr/bin", tool);
      Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
    }
    ProcessBuilder pb = launcher(tmp, "serve");
    pb.environment().putAll(Map.of("PATH", bin.toString(), "NEWS_SEARCH_JVM_DIR", tmp.resolve("no-jvms").toString()));
    String output = run(pb, 1).strip();
    assertEquals(1, output.lines().count(), output);
    assertTrue(output.contains("needs a JDK 21 or newer") && output.contains("install"), output);
  }

  private static String awaitUrl(Process server) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String line;
    while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        assertEquals("12", m.group(1));
        Thread drain = new Thread(() -> lines.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return m.group(2);
      }
    }
    throw new AssertionError("the server never printed its URL:\n" + seen);
  }
}
