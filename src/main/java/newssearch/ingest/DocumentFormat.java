package newssearch.ingest;

import java.util.function.Consumer;

/**
 * One kind of corpus file (plain text, JSON Lines, ...). A format turns one file into articles
 * and reports, rather than throws, what it cannot use: a bad record never loses the others.
 */
public interface DocumentFormat {

  /** True when this format reads files named like this one. */
  boolean accepts(String fileName);

  void read(SourceFile file, Consumer<Article> out, IngestReport report);
}
