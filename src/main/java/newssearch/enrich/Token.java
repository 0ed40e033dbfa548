package newssearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of an article for name matching, with its offsets. {@code key} is the word as names are
 * compared: without full stops ("U.S." is "US") and without a possessive ("China’s" is "China").
 * Hyphens separate words, so "U.S.-China" is "US" and "China".
 */
record Token(String text, String key, int start, int end) {
  private static final Pattern WEB = Pattern.compile("[\\p{L}\\p{N}-]+\\.(?:com|org|net|co\\.uk|io|ai)");
  private static final Pattern ABBREVIATION = Pattern.compile("(?:\\p{Lu}\\.)+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.&'’²³][\\p{L}\\p{N}²³]*)*");

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group();
      int end = m.end();
      if (word.endsWith("’s") || word.endsWith("'s")) {
        word = word.substring(0, word.length() - 2);
        end -= 2;
      }
      // A full stop ends the sentence unless the word is an abbreviation with stops inside ("U.S.").
      // Abbreviations keep their stops ("U.S.", the initial in "Arthur D. Little"); other words
      // lose the full stop that ends a sentence ("2.4Mbps.").
      boolean abbreviation = ABBREVIATION.matcher(word).matches();
      while (!abbreviation && (word.endsWith(".") || word.endsWith("'") || word.endsWith("’"))) {
        word = word.substring(0, word.length() - 1);
        end--;
      }
      String key = word.replace(".", "");
      if (!key.isEmpty()) {
        tokens.add(new Token(word, key, m.start(), end));
      }
    }
    return tokens;
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
    return WEB.matcher(text).matches();
  }

  boolean numeric() {
    return Character.isDigit(text.charAt(0));
  }
}
