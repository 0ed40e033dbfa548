package newssearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a corpus: files and folders (recursively), each file by the first {@link DocumentFormat}
 * that accepts its name. Files are read in parallel but the result is in a stable order (roots as
 * given, files by path), so the same corpus always gives the same articles. A later article with
 * the id of an earlier one replaces it, and the report counts it.
 *
 * <p>With folder topics on, every article of a file found in a corpus folder also gets the name
 * of the folder it stands in as a topic ({@code bbc/sport/199.txt} is about {@code sport}).
 */
public final class CorpusReader {
  private final List<DocumentFormat> formats;
  private final boolean folderTopics;

  public CorpusReader(List<DocumentFormat> formats, boolean folderTopics) {
    this.formats = List.copyOf(formats);
    this.folderTopics = folderTopics;
  }

  public CorpusReader(List<DocumentFormat> formats) {
    this(formats, false);
  }

  /** The formats every corpus may use: text and Markdown, JSON Lines, CSV and HTML. */
  public static CorpusReader standard(IngestRules rules, boolean folderTopics) {
    return new CorpusReader(
        List.of(new TextFormat(rules), new JsonLinesFormat(rules), new CsvFormat(rules), new HtmlFormat(rules)),
        folderTopics);
  }

  public static CorpusReader standard(IngestRules rules) {
    return standard(rules, false);
  }

  public List<Article> read(List<Path> roots, IngestReport report) {
    List<SourceFile> files = new ArrayList<>();
    for (Path root : roots) {
      files.addAll(list(root, report));
    }
    List<List<Article>> perFile = files.parallelStream().map(f -> readFile(f, report)).toList();
    Map<String, Article> byId = new LinkedHashMap<>();
    for (List<Article> articles : perFile) {
      for (Article a : articles) {
        if (byId.remove(a.id()) != null) {
          report.duplicate(a.id(), a.origin());
        }
        byId.put(a.id(), a);
      }
    }
    report.articles(byId.size());
    return List.copyOf(byId.values());
  }

  /** The files of a corpus, in the order {@link #read} reads them. */
  public List<SourceFile> files(List<Path> roots, IngestReport report) {
    List<SourceFile> files = new ArrayList<>();
    for (Path root : roots) {
      files.addAll(list(root, report));
    }
    return files;
  }

  /** The articles of one corpus file (what watching a corpus reads again when it changes). */
  public List<Article> readFile(SourceFile file, IngestReport report) {
    String name = file.path().getFileName().toString();
    for (DocumentFormat format : formats) {
      if (format.accepts(name)) {
        List<Article> articles = new ArrayList<>();
        report.fileRead();
        Consumer<Article> out = articles::add;
        String topic = folderTopics ? file.folderTopic() : null;
        format.read(file, topic == null ? out : a -> out.accept(a.withTopic(topic)), report);
        return articles;
      }
    }
    report.skip(SkipReason.UNSUPPORTED, file.toString(), null);
    return List.of();
  }

  private static List<SourceFile> list(Path root, IngestReport report) {
    if (!Files.exists(root)) {
      report.warn(root + ": no such file or folder");
      return List.of();
    }
    if (Files.isRegularFile(root)) {
      return List.of(SourceFile.under(root, root));
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !isHidden(root, p) && !MetadataFile.isMetadataFile(p))
          .sorted()
          .map(p -> SourceFile.under(root, p))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      report.warn(root + ": cannot list folder: " + e.getMessage());
      return List.of();
    }
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
