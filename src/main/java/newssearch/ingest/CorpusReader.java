package newssearch.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a corpus: files and folders (recursively), each file by the first {@link DocumentFormat}
 * that accepts its name. Files are read in parallel but the result is in a stable order (roots as
 * given, files by path), so the same corpus always gives the same articles. A later article with
 * the id of an earlier one replaces it, and the report counts it.
 *
 * <p>With folder topics on, every article of a file found in a corpus folder also gets the name
 * of the folder it stands in as a topic ({@code bbc/sport/199.txt} is about {@code sport}).
 *
 * <p>One hostile file or record never stops the run: what the formats report is skipped, a file
 * that throws anyway is skipped, an unreadable folder is skipped (see {@link CorpusWalker}) and
 * every article passes {@link ArticleLimits}. All of it is in the {@link IngestReport}.
 */
public final class CorpusReader {
  private final List<DocumentFormat> formats;
  private final boolean folderTopics;
  private final ArticleLimits limits;
  private final CorpusWalker walker;

  CorpusReader(List<DocumentFormat> formats, boolean folderTopics, ArticleLimits limits, CorpusWalker walker) {
    this.formats = List.copyOf(formats);
    this.folderTopics = folderTopics;
    this.limits = limits;
    this.walker = walker;
  }

  public CorpusReader(List<DocumentFormat> formats, boolean folderTopics, IngestRules rules) {
    this(formats, folderTopics, new ArticleLimits(rules), new CorpusWalker(CorpusWalker.FolderListing.FILE_SYSTEM, false));
  }

  /** The formats every corpus may use: text and Markdown, JSON Lines, CSV and HTML. */
  public static CorpusReader standard(IngestRules rules, boolean folderTopics) {
    return new CorpusReader(
        List.of(new TextFormat(rules), new JsonLinesFormat(rules), new CsvFormat(rules), new HtmlFormat(rules)),
        folderTopics, rules);
  }

  /** This reader, following symbolic links out of the corpus folders too when {@code follow} is true. */
  public CorpusReader followingLinks(boolean follow) {
    return new CorpusReader(formats, folderTopics, limits, new CorpusWalker(walker.listing(), follow));
  }

  /**
   * This reader, listing folders with {@code listing} instead of the file system's own listing:
   * tests use it to make a folder unreadable, which permissions cannot do for root.
   */
  public CorpusReader listingFoldersWith(CorpusWalker.FolderListing listing) {
    return new CorpusReader(formats, folderTopics, limits, new CorpusWalker(listing, walker.followLinks()));
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
      for (Article checked : articles) {
        Article a = limits.check(checked, report).orElse(null);
        if (a == null) {
          continue;
        }
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
        try {
          format.read(file, topic == null ? out : a -> out.accept(a.withTopic(topic)), report);
        } catch (RuntimeException | StackOverflowError e) {
          // Formats report what they cannot use; this is the backstop for what they did not foresee,
          // so that one hostile file never stops the run. Its articles read so far are kept.
          report.skip(SkipReason.MALFORMED, file.toString(), "cannot be read: " + e);
        }
        return articles;
      }
    }
    report.skip(SkipReason.UNSUPPORTED, file.toString(), null);
    return List.of();
  }

  private List<SourceFile> list(Path root, IngestReport report) {
    if (!Files.exists(root)) {
      report.warn(root + ": no such file or folder");
      return List.of();
    }
    if (Files.isRegularFile(root)) {
      return List.of(SourceFile.under(root, root));
    }
    if (!Files.isDirectory(root)) {
      report.warn(root + ": not a file or folder");
      return List.of();
    }
    return walker.files(root, report).stream().map(p -> SourceFile.under(root, p)).toList();
  }
}
