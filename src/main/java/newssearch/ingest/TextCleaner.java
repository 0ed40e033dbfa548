package newssearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the raw lines of one article into clean paragraphs: boilerplate lines dropped, pipe-table
 * rows turned into plain text (their words kept, the pipes gone), white space normalised.
 *
 * <p>A line break ends a paragraph, as in most news files, except where the text is hard-wrapped:
 * a line that stops mid-sentence and is followed by one starting in lower case is joined to it.
 */
public final class TextCleaner {
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000]+");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\|?[^|]+(\\|[^|]*)+\\|?$");

  private final IngestRules rules;

  public TextCleaner(IngestRules rules) {
    this.rules = rules;
  }

  /** The paragraphs of the given lines, none empty. */
  public List<String> paragraphs(List<String> lines) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : lines) {
      String line = normalise(raw);
      if (!line.isEmpty() && rules.isDropped(line)) {
        continue;
      }
      line = tableRowAsText(line);
      if (line.isEmpty()) {
        flush(current, paragraphs);
      } else if (current.length() > 0 && isWrapped(current, line)) {
        current.append(' ').append(line);
      } else {
        flush(current, paragraphs);
        current.append(line);
      }
    }
    flush(current, paragraphs);
    return paragraphs;
  }

  static String normalise(String line) {
    // Most lines hold only single spaces between words: those skip the pattern (the same result).
    return spacedSingly(line) ? line.strip() : SPACES.matcher(line).replaceAll(" ").strip();
  }

  /** Whether the only {@link #SPACES} characters of {@code line} are single spaces inside it. */
  private static boolean spacedSingly(String line) {
    int last = line.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = line.charAt(i);
      if (c == ' ' ? i == 0 || i == last || line.charAt(i + 1) == ' ' : isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
        || c >= '\u2000' && c <= '\u200B' || c == '\u3000';
  }

  /** "Key Participants | Huawei, Alibaba |" becomes "Key Participants: Huawei, Alibaba". */
  static String tableRowAsText(String line) {
    if (line.indexOf('|') < 0 || !TABLE_ROW.matcher(line).matches()) {
      return line;
    }
    List<String> cells = new ArrayList<>();
    for (String cell : line.split("\\|")) {
      String c = cell.strip();
      if (!c.isEmpty()) {
        cells.add(c);
      }
    }
    if (cells.size() == 2) {
      return cells.get(0) + ": " + cells.get(1);
    }
    return String.join(" · ", cells);
  }

  private static boolean isWrapped(CharSequence previous, String next) {
    char last = previous.charAt(previous.length() - 1);
    boolean endsSentence = ".!?:;\"”’)]".indexOf(last) >= 0;
    return !endsSentence && Character.isLowerCase(next.codePointAt(0));
  }

  private static void flush(StringBuilder current, List<String> paragraphs) {
    if (current.length() > 0) {
      paragraphs.add(current.toString());
      current.setLength(0);
    }
  }
}
