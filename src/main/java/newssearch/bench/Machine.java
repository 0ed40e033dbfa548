package newssearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the benchmark ran on, and how busy the machine was. */
final class Machine {
  private Machine() {}

  static String describe() {
    Runtime rt = Runtime.getRuntime();
    return String.format(Locale.ROOT, "%s; %d cores; %s RAM; %s %s %s; Java %s (%s); bench JVM max heap %,d MB",
        cpu(), rt.availableProcessors(), memory(),
        System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024));
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      return String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage());
    }
  }

  private static String cpu() {
    return procLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
  }

  private static String memory() {
    return procLine(Path.of("/proc/meminfo"), "MemTotal")
        .map(v -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(v.replaceAll("\\D+", "")) / 1024.0 / 1024.0))
        .orElse("unknown");
  }

  private static java.util.Optional<String> procLine(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream().filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip());
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
