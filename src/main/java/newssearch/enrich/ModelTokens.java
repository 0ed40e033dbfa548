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
  private static final Pattern TOKEN = Pattern.compile(
      "(?:\\p{Lu}\\.){2,}|\\p{Lu}\\.(?=\\s\\p{Lu})|[\\p{L}\\p{N}]+(?:[-&.'’@][\\p{L}\\p{N}]+)*|\\S");
  private static final Pattern CLITIC = Pattern.compile("(?i)(.+)(['’]s|n['’]t|['’]re|['’]ve|['’]ll|['’]d|['’]m)");

  record Piece(String text, int start, int end) {}

  private ModelTokens() {}

  /** The sentences of {@code text}: a sentence ends after ".", "!" or "?" before a capital, or at a line break. */
  static List<List<Piece>> sentences(String text) {
    List<List<Piece>> sentences = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    int last = 0;
    while (m.find()) {
      if (!current.isEmpty() && lineBreak(text, last, m.start())) {
        sentences.add(current);
        current = new ArrayList<>();
      }
      String word = m.group();
      // Most words have no apostrophe: only those are matched against the clitics.
      Matcher clitic = word.length() > 2 && (word.indexOf('\'') > 0 || word.indexOf('’') > 0) ? CLITIC.matcher(word) : null;
      if (clitic != null && clitic.matches()) {
        int split = m.start() + clitic.group(1).length();
        current.add(new Piece(clitic.group(1), m.start(), split));
        current.add(new Piece(clitic.group(2), split, m.end()));
      } else {
        current.add(new Piece(word, m.start(), m.end()));
      }
      last = m.end();
      boolean stop = word.equals(".") || word.equals("!") || word.equals("?");
      if (stop && current.size() > 1 && nextIsCapital(text, m.end())) {
        sentences.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      sentences.add(current);
    }
    return sentences;
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
