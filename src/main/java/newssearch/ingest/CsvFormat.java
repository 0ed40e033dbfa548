package newssearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV ({@code .csv}, RFC 4180 quoting, read with Commons CSV): a header row names the fields of
 * {@link RecordFields}, each further row is one article. A row with more or fewer fields than the
 * header is skipped with a warning naming file and line; the other rows are kept. A row without an
 * id gets the file's id base and its row number (the first row after the header is 1).
 */
public final class CsvFormat extends TextDocumentFormat {
  private static final CSVFormat RFC_4180 = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  public CsvFormat(IngestRules rules) {
    super(rules, "csv");
  }

  @Override
  protected void read(SourceFile file, String raw, Consumer<Article> out, IngestReport report) {
    LineIndex lines = new LineIndex(raw);
    try (CSVParser parser = CSVParser.parse(raw, RFC_4180)) {
      Iterator<CSVRecord> rows = parser.iterator();
      List<String> header = header(rows.next());
      if (!RecordFields.of(header, header).hasAny(RecordFields.TEXT)) {
        report.skip(SkipReason.NO_TEXT, file + ":" + 1, "the header has no text, body, content or description column");
        return;
      }
      readRows(file, rows, header, lines, out, report);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      report.skip(SkipReason.MALFORMED, file.toString(), rootMessage(e));
    }
  }

  private void readRows(SourceFile file, Iterator<CSVRecord> rows, List<String> header, LineIndex lines,
      Consumer<Article> out, IngestReport report) {
    int read = 0;
    try {
      while (rows.hasNext()) {
        CSVRecord row = rows.next();
        read++;
        long number = row.getRecordNumber() - 1;
        String where = file + ":" + lines.lineAt(row.getCharacterPosition());
        if (row.size() != header.size()) {
          report.skip(SkipReason.MALFORMED, where, row.size() + " fields, the header has " + header.size());
          continue;
        }
        RecordFields.of(header, row.toList())
            .article(file.idBase() + "-" + number, where, cleaner, report)
            .ifPresent(out);
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      // Commons CSV cannot resynchronise after a broken quote: the rest of the file is one bad
      // record. Its message names the line the record starts on.
      report.skip(SkipReason.MALFORMED, file.toString(), rootMessage(e) + "; the rest of the file is not read");
      return;
    }
    if (read == 0) {
      report.skip(SkipReason.EMPTY, file.toString(), "a header and no rows");
    }
  }

  private static List<String> header(CSVRecord row) {
    List<String> names = new ArrayList<>();
    for (String name : row) {
      names.add(name.strip().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Line numbers (1-based) of character positions in a text. */
  private static final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
      List<Integer> list = new ArrayList<>();
      list.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
          list.add(i + 1);
        }
      }
      starts = list.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineAt(long position) {
      int i = Arrays.binarySearch(starts, (int) position);
      return (i >= 0 ? i : -i - 2) + 1;
    }
  }
}
