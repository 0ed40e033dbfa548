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
      if (!current.isEmpty() && text.substring(last, m.start()).indexOf('\n') >= 0) {
        sentences.add(current);
        current = new ArrayList<>();
      }
      String word = m.group();
      Matcher clitic = CLITIC.matcher(word);
      if (word.length() > 2 && clitic.matches()) {
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
