package newssearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the {@code wrk} load generator and reads its report. */
final class Wrk {
  /** What one wrk run measured. {@code errors} counts socket errors and non-2xx/3xx answers. */
  record Result(long requests, double requestsPerSecond, double p50Ms, double p99Ms, long errors) {}

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private final String executable;
  private final int threads;
  private final int connections;

  private Wrk(String executable, int threads, int connections) {
    this.executable = executable;
    this.threads = threads;
    this.connections = connections;
  }

  int connections() {
    return connections;
  }

  /** wrk from the PATH, if installed. */
  static Optional<Wrk> find(int threads, int connections) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
      if (Files.isExecutable(candidate)) {
        return Optional.of(new Wrk(candidate.toString(), threads, connections));
      }
    }
    return Optional.empty();
  }

  /** Loads {@code baseUrl + paths}, taking the paths in turn, for {@code seconds}. */
  Result run(String baseUrl, List<String> paths, int seconds, Path workDir) throws IOException, InterruptedException {
    Path script = workDir.resolve("paths.lua");
    Files.writeString(script, luaScript(paths), StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(executable,
        "-t", Integer.toString(threads), "-c", Integer.toString(connections), "-d", seconds + "s",
        "--timeout", "10s", "--latency", "-s", script.toString(), baseUrl + paths.get(0)));
    Path output = workDir.resolve("wrk.out");
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IOException("wrk did not finish within " + (seconds + 60) + " s");
    }
    String report = Files.readString(output, StandardCharsets.UTF_8);
    if (wrk.exitValue() != 0) {
      throw new IOException("wrk failed (exit " + wrk.exitValue() + "): " + report.strip());
    }
    return parse(report);
  }

  /** A wrk script that sends each path in turn, starting at a different one in each thread. */
  static String luaScript(List<String> paths) {
    StringBuilder lua = new StringBuilder("local paths = {\n");
    for (String p : paths) {
      lua.append("  \"").append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
    }
    lua.append("}\n")
        .append("local i = 0\n")
        .append("request = function()\n")
        .append("  i = i + 1\n")
        .append("  return wrk.format(\"GET\", paths[(i - 1) % #paths + 1])\n")
        .append("end\n");
    return lua.toString();
  }

  static Result parse(String report) {
    long requests = Long.parseLong(find(REQUESTS, report, "request count"));
    double rate = Double.parseDouble(find(RATE, report, "Requests/sec"));
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher m = PERCENTILE.matcher(report);
    while (m.find()) {
      double ms = toMs(Double.parseDouble(m.group(2)), m.group(3));
      if (m.group(1).equals("50")) {
        p50 = ms;
      } else {
        p99 = ms;
      }
    }
    long errors = 0;
    Matcher socket = SOCKET_ERRORS.matcher(report);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    Matcher non2xx = NON_2XX.matcher(report);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    return new Result(requests, rate, p50, p99, errors);
  }

  private static String find(Pattern pattern, String report, String what) {
    Matcher m = pattern.matcher(report);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + what + " in wrk's report: " + report.strip());
    }
    return m.group(1);
  }

  private static double toMs(double value, String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
