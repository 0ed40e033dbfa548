package newssearch.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the configuration, the corpus and the index are. Defaults are relative to the
 * installation folder (the {@code news.home} property that {@code bin/news-search} sets, else the
 * working folder), so the launcher works from anywhere.
 */
final class Locations {
  @Option(names = "--config", paramLabel = "DIR", description = "index-config folder (default: <home>/index-config)")
  Path config;

  @Option(names = "--index", paramLabel = "DIR", description = "index folder (default: <home>/data/index)")
  Path index;

  @Option(names = "--corpus", paramLabel = "PATH",
      description = "file or folder to index; repeatable (default: the bundled corpus, <home>/corpus)")
  List<Path> corpus;

  @Option(names = "--folder-topics",
      description = "give each article the name of the folder its file stands in as a topic (for corpora sorted into category folders)")
  boolean folderTopics;

  @Option(names = "--follow-links",
      description = "follow symbolic links that lead out of the corpus folders (by default such links are skipped with a warning)")
  boolean followLinks;

  static Path home() {
    String home = System.getProperty("news.home");
    return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
  }

  Path configDir() {
    return config != null ? config : home().resolve("index-config");
  }

  Path indexDir() {
    return index != null ? index : home().resolve("data").resolve("index");
  }

  /** The corpus paths given, or the bundled corpus. */
  List<Path> corpusPaths() {
    return corpus != null && !corpus.isEmpty() ? corpus : List.of(home().resolve("corpus"));
  }

  boolean corpusGiven() {
    return corpus != null && !corpus.isEmpty();
  }
}
