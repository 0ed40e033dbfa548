package newssearch.ingest;

import java.util.function.Consumer;

/**
 * A format whose files are text of some kind. The file is read with {@link RawText} (size limit,
 * encodings, empty and binary files skipped) before the format parses it.
 */
public abstract class TextDocumentFormat implements DocumentFormat {
  protected final IngestRules rules;
  protected final TextCleaner cleaner;
  private final String[] extensions;

  protected TextDocumentFormat(IngestRules rules, String... extensions) {
    this.rules = rules;
    this.cleaner = new TextCleaner(rules);
    this.extensions = extensions.clone();
  }

  @Override
  public boolean accepts(String fileName) {
    return DocumentFormat.hasExtension(fileName, extensions);
  }

  @Override
  public final void read(SourceFile file, Consumer<Article> out, IngestReport report) {
    RawText.read(file, rules.maxFileBytes(), report).ifPresent(text -> read(file, text, out, report));
  }

  /** Parses the file's text, reporting what it skips. */
  protected abstract void read(SourceFile file, String text, Consumer<Article> out, IngestReport report);
}
