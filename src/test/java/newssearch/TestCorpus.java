package newssearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.search.ArticleSearcher;

/** Paths of the project and shared helpers that tests use to build real indexes. */
public final class TestCorpus {
  private TestCorpus() {}

  /** The project folder (Maven runs tests there; {@code news.home} says so explicitly). */
  public static Path home() {
    String home = System.getProperty("news.home");
    return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
  }

  public static Path configDir() {
    return home().resolve("index-config");
  }

  /** The bundled seed corpus. */
  public static Path seedCorpus() {
    return home().resolve("corpus");
  }

  /**
   * The BBC News dataset beside the project ({@code ../shared/datasets/bbc}), if present; the
   * system property {@code news.datasets} names another datasets folder (for a work tree that
   * does not stand beside {@code shared}).
   */
  public static Path bbc() {
    String datasets = System.getProperty("news.datasets");
    Path root = datasets == null || datasets.isBlank() ? home().resolve("../shared/datasets") : Path.of(datasets);
    return root.resolve("bbc").toAbsolutePath().normalize();
  }

  public static boolean hasBbc() {
    return Files.isDirectory(bbc());
  }

  /** Why a test over the BBC dataset is skipped: the data is not in the repository (copyright BBC). */
  public static String bbcAbsent() {
    return "optional BBC dataset not present at " + bbc()
        + " (not in the repository: copyright BBC); these cases run when it is there";
  }

  private static IndexConfig config;

  /** The project's own configuration, loaded once for all tests. */
  public static synchronized IndexConfig config() {
    if (config == null) {
      config = IndexConfig.load(configDir());
    }
    return config;
  }

  public static List<Article> read(Path... roots) {
    return CorpusReader.standard(config().ingest()).read(List.of(roots), new IngestReport());
  }

  /** Indexes {@code roots} into {@code indexDir} with the project's configuration. */
  public static IndexStore index(Path indexDir, Path... roots) {
    IndexStore store = new IndexStore(indexDir);
    try {
      new IndexBuilder(config().analysis().index(), config().enricher()).build(store, read(roots), done -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store;
  }

  /** A searcher over {@code roots}, indexed into {@code indexDir}. */
  public static ArticleSearcher searcher(Path indexDir, Path... roots) {
    IndexStore store = index(indexDir, roots);
    try {
      return ArticleSearcher.open(store, config().analysis().query(), config().taxonomy(),
          newssearch.search.SearchLimits.DEFAULT, config().matching());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
