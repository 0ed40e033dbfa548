package newssearch.ingest;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * One kind of corpus file (plain text, JSON Lines, ...). A format turns one file into articles
 * and reports, rather than throws, what it cannot use: a bad record never loses the others.
 */
public interface DocumentFormat {

  /** True when this format reads files named like this one. */
  boolean accepts(String fileName);

  void read(SourceFile file, Consumer<Article> out, IngestReport report);

  /** True when {@code fileName} ends in one of {@code extensions} (given without the dot), in any case. */
  static boolean hasExtension(String fileName, String... extensions) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (String extension : extensions) {
      if (name.endsWith("." + extension)) {
        return true;
      }
    }
    return false;
  }
}
