package newssearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A word of an article for name matching, with its offsets. {@code key} is the word as names are
 * compared: without full stops ("U.S." is "US") and without a possessive ("China’s" is "China").
 * Hyphens separate words, so "U.S.-China" is "US" and "China".
 */
record Token(String text, String key, int start, int end) {
  private static final Pattern WEB = Pattern.compile("[\\p{L}\\p{N}-]+\\.(?:com|org|net|co\\.uk|io|ai)");
  private static final Pattern ABBREVIATION = Pattern.compile("(?:\\p{Lu}\\.)+");

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    for (int start = nextWord(text, 0); start < text.length(); start = nextWord(text, start)) {
      int end = wordEnd(text, start);
      String word = text.substring(start, end);
      int wordStart = start;
      start = end;
      if (word.endsWith("’s") || word.endsWith("'s")) {
        word = word.substring(0, word.length() - 2);
        end -= 2;
      }
      // A full stop ends the sentence unless the word is an abbreviation with stops inside ("U.S.").
      // Abbreviations keep their stops ("U.S.", the initial in "Arthur D. Little"); other words
      // lose the full stop that ends a sentence ("2.4Mbps.").
      boolean abbreviation = word.endsWith(".") && ABBREVIATION.matcher(word).matches();
      while (!abbreviation && (word.endsWith(".") || word.endsWith("'") || word.endsWith("’"))) {
        word = word.substring(0, word.length() - 1);
        end--;
      }
      String key = word.replace(".", "");
      if (!key.isEmpty()) {
        tokens.add(new Token(word, key, wordStart, end));
      }
    }
    return tokens;
  }

  /*
   * Words are found by hand, not by a pattern: matching the pattern was about 2% of the CPU of a
   * server fed articles. A word is a run of letters and digits, then any number of ".", "&", "'",
   * "’", "²" or "³", each followed by letters and digits or by nothing; TokenTest checks this
   * against the pattern that says so on random text.
   */

  /** Where the next word starts at or after {@code from}; the text's length when there is none. */
  private static int nextWord(String text, int from) {
    int i = from;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (letterOrNumber(c)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return text.length();
  }

  /** Where the word starting at {@code start} ends. */
  private static int wordEnd(String text, int start) {
    int i = lettersAndNumbers(text, start);
    while (i < text.length() && ".&'’²³".indexOf(text.charAt(i)) >= 0) {
      i = lettersAndNumbers(text, i + 1);
    }
    return i;
  }

  /** Where the run of letters and digits from {@code from} ends. */
  static int lettersAndNumbers(String text, int from) {
    int i = from;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (!letterOrNumber(c)) {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  /** {@code \p{L}} or {@code \p{N}}, as the patterns mean them. */
  static boolean letterOrNumber(int c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
    int type = Character.getType(c);
    return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  boolean capitalised() {
    return Character.isUpperCase(text.codePointAt(0));
  }

  /** A single capital with a full stop: "D." in "Arthur D. Little". */
  boolean initial() {
    return text.length() == 2 && text.charAt(1) == '.';
  }

  /** A name that starts with a digit and has only capitals besides: "3GSM", "2K5" (not "14Mbps"). */
  boolean coinedNumber() {
    return Character.isDigit(text.charAt(0)) && text.chars().anyMatch(Character::isUpperCase)
        && text.chars().noneMatch(Character::isLowerCase) && text.chars().allMatch(Character::isLetterOrDigit);
  }

  /** A plain number: "2012", "3.2". */
  boolean number() {
    return text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',');
  }

  /** A web address used as a name: "Suprnova.org", "mycokemusic.com". */
  boolean webName() {
    return text.indexOf('.') > 0 && WEB.matcher(text).matches();
  }

  boolean numeric() {
    return Character.isDigit(text.charAt(0));
  }
}
