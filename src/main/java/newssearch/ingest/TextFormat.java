package newssearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Plain text and Markdown files: one article a file, or several when the file is a newsletter
 * digest (a line of it matches a digest separator of {@link IngestRules}). The headline is the
 * metadata's, else the first line when it reads as one, else the shortened lead sentence.
 */
public final class TextFormat extends TextDocumentFormat {

  public TextFormat(IngestRules rules) {
    super(rules, "txt", "md");
  }

  @Override
  protected void read(SourceFile file, String raw, Consumer<Article> out, IngestReport report) {
    MetadataFile metadata = MetadataFile.forText(file.path(), report);
    List<List<String>> sections = sections(raw.lines().toList());
    boolean digest = sections.size() > 1;
    int position = 0;
    for (List<String> section : sections) {
      List<String> paragraphs = cleaner.paragraphs(section);
      if (paragraphs.isEmpty()) {
        continue;
      }
      String id = digest ? String.format(Locale.ROOT, "%s-%02d", file.idBase(), position + 1) : file.idBase();
      String origin = digest ? file + " (article " + (position + 1) + ")" : file.toString();
      Article article = toArticle(paragraphs, metadata.forArticle(position), id, origin);
      position++;
      if (article.text().isBlank()) {
        report.skip(SkipReason.NO_TEXT, origin, null);
        continue;
      }
      out.accept(article);
    }
    if (position == 0) {
      report.skip(SkipReason.NO_TEXT, file.toString(), "nothing left after cleaning");
    }
  }

  /** The file split at separator lines; a file without one is a single section. */
  private List<List<String>> sections(List<String> lines) {
    List<List<String>> sections = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : lines) {
      if (rules.isSeparator(line.stripTrailing())) {
        sections.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    sections.add(current);
    sections.removeIf(s -> s.stream().allMatch(String::isBlank));
    return sections;
  }

  static Article toArticle(List<String> paragraphs, Metadata meta, String id, String origin) {
    List<String> body = paragraphs;
    String headline = null;
    if (Titles.startsWithHeadline(paragraphs)) {
      headline = paragraphs.get(0);
      body = paragraphs.subList(1, paragraphs.size());
    }
    String text = String.join("\n\n", body);
    if (meta.title() != null || headline == null) {
      return meta.article(text, id, "metadata", origin);
    }
    return meta.withTitle(headline).article(text, id, "headline", origin);
  }
}
