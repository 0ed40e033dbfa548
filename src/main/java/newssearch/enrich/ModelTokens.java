package newssearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into sentences of tokens the way the name finder's training data is tokenized
 * (Universal Dependencies style): punctuation apart, "'s" and "n't" apart, abbreviations ("U.S.")
 * and hyphenated words whole. Each token keeps its offsets.
 */
final class ModelTokens {
  private static final Pattern CLITIC = Pattern.compile("(?i)(.+)(['’]s|n['’]t|['’]re|['’]ve|['’]ll|['’]d|['’]m)");

  record Piece(String text, int start, int end) {}

  private ModelTokens() {}

  /** The sentences of {@code text}: a sentence ends after ".", "!" or "?" before a capital, or at a line break. */
  static List<List<Piece>> sentences(String text) {
    List<List<Piece>> sentences = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    int last = 0;
    for (int start = nextToken(text, 0); start < text.length(); start = nextToken(text, last)) {
      int end = tokenEnd(text, start);
      if (!current.isEmpty() && lineBreak(text, last, start)) {
        sentences.add(current);
        current = new ArrayList<>();
      }
      String word = text.substring(start, end);
      // Most words have no apostrophe: only those are matched against the clitics.
      Matcher clitic = word.length() > 2 && (word.indexOf('\'') > 0 || word.indexOf('’') > 0) ? CLITIC.matcher(word) : null;
      if (clitic != null && clitic.matches()) {
        int split = start + clitic.group(1).length();
        current.add(new Piece(clitic.group(1), start, split));
        current.add(new Piece(clitic.group(2), split, end));
      } else {
        current.add(new Piece(word, start, end));
      }
      last = end;
      boolean stop = word.equals(".") || word.equals("!") || word.equals("?");
      if (stop && current.size() > 1 && nextIsCapital(text, end)) {
        sentences.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      sentences.add(current);
    }
    return sentences;
  }

  /*
   * Tokens are found by hand, not by a pattern: matching it was about 3% of the CPU of a server fed
   * articles. A token is the first of these that matches where it starts (ModelTokensTest checks
   * this against the pattern that says so on random text): two or more capitals each followed by a
   * full stop ("U.S."); one such before a space and a capital (the "J." of "J. Smith"); letters and
   * digits joined by single "-", "&", ".", "'", "’" or "@" ("Wal-Mart", "AT&T"); any other
   * character but white space.
   */

  /** Where the next token starts at or after {@code from}: the first character that is not white space. */
  private static int nextToken(String text, int from) {
    int i = from;
    while (i < text.length() && space(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int tokenEnd(String text, int start) {
    int i = start;
    int stops = 0;
    while (i < text.length() && capital(text.codePointAt(i))) {
      int next = i + Character.charCount(text.codePointAt(i));
      if (next >= text.length() || text.charAt(next) != '.') {
        break;
      }
      i = next + 1;
      stops++;
    }
    if (stops >= 2) {
      return i;
    }
    if (stops == 1) {
      int afterStop = start + Character.charCount(text.codePointAt(start)) + 1;
      if (afterStop + 1 < text.length() && space(text.charAt(afterStop)) && capital(text.codePointAt(afterStop + 1))) {
        return afterStop;
      }
    }
    int first = text.codePointAt(start);
    if (!Token.letterOrNumber(first)) {
      return start + Character.charCount(first);
    }
    i = Token.lettersAndNumbers(text, start);
    while (i + 1 < text.length() && "-&.'’@".indexOf(text.charAt(i)) >= 0 && Token.letterOrNumber(text.codePointAt(i + 1))) {
      i = Token.lettersAndNumbers(text, i + 1);
    }
    return i;
  }

  /** {@code \s} as patterns mean it: ASCII white space only. */
  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** {@code \p{Lu}}: an upper-case letter. */
  private static boolean capital(int c) {
    return Character.getType(c) == Character.UPPERCASE_LETTER;
  }

  private static boolean lineBreak(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  private static boolean nextIsCapital(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '“' || c == '\'' || c == '‘') {
        continue;
      }
      return Character.isUpperCase(c) || Character.isDigit(c);
    }
    return true;
  }
}
