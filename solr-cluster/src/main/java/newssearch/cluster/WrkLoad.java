package newssearch.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One wrk run of the side-by-side benchmark, read back from wrk's report. */
final class WrkLoad {
  private WrkLoad() {}

  /** wrk over the target's requests in turn: requests, req/s, p50 ms, p99 ms, errors. */
  static double[] run(SideBySideBench.Target target, int seconds, int connections, Path work) throws Exception {
    Path script = work.resolve("requests.lua");
    StringBuilder lua = new StringBuilder("local items = {\n");
    for (String item : target.bodies() == null ? target.paths() : target.bodies()) {
      lua.append("  \"").append(item.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
    }
    lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  local item = items[(i - 1) % #items + 1]\n");
    if (target.bodies() == null) {
      lua.append("  return wrk.format(\"GET\", item)\n");
    } else {
      lua.append("  return wrk.format(\"POST\", nil, {[\"Content-Type\"] = \"application/x-www-form-urlencoded\"}, item)\n");
    }
    lua.append("end\n");
    Files.writeString(script, lua);
    Path out = work.resolve("wrk.out");
    Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "--latency",
        "-s", script.toString(), target.baseUrl() + target.paths().get(0)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IOException("wrk did not finish");
    }
    String report = Files.readString(out);
    double requests = Double.parseDouble(group("(\\d+) requests in", report));
    double rate = Double.parseDouble(group("Requests/sec:\\s+([\\d.]+)", report));
    double p50 = percentile("50", report);
    double p99 = percentile("99", report);
    long errors = 0;
    Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(report);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(report);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    return new double[] {requests, rate, p50, p99, errors};
  }

  private static double percentile(String which, String report) {
    Matcher m = Pattern.compile("(?m)^\\s*" + which + "(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s)\\s*$").matcher(report);
    if (!m.find()) {
      throw new IllegalStateException("no p" + which + " in wrk's report: " + report);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }

  private static String group(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("'" + regex + "' not in wrk's report: " + text);
    }
    return m.group(1);
  }
}
