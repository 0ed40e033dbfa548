package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newssearch.RandomText;
import org.junit.jupiter.api.Test;

/** The words of a text for name matching. */
class TokenTest {
  /** What a word is: letters and digits, joined by these marks, each followed by more or by nothing. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.&'’²³][\\p{L}\\p{N}²³]*)*");

  @Test
  void wordsKeepAbbreviationsAndLoseSentenceStopsAndPossessives() {
    assertEquals(List.of("U.S.|US", "China|China", "AT&T|AT&T", "Arthur|Arthur", "D.|D", "Little|Little", "2.4Mbps|24Mbps"),
        texts("U.S.-China’s AT&T Arthur D. Little 2.4Mbps."));
  }

  @Test
  void wordsAreFoundWhereThePatternFindsThem() {
    String[] pieces = {"a", "Z", "é", "7", "²", "½", "Ⅻ", "\uD835\uDC00", "\u0301", ".", "&", "'", "’", "-", " ", ",", "s",
        "’s", "'s", "U.", "\n"};
    RandomText.each(7, 20_000, 13, pieces, t -> assertEquals(byPattern(t), Token.tokenize(t), t));
  }

  private static List<String> texts(String text) {
    return Token.tokenize(text).stream().map(t -> t.text() + "|" + t.key()).toList();
  }

  /** Words as the pattern finds them, trimmed as {@link Token#tokenize} trims them. */
  private static List<Token> byPattern(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      Token first = Token.tokenize(m.group()).stream().findFirst().orElse(null);
      if (first != null) {
        tokens.add(new Token(first.text(), first.key(), m.start() + first.start(), m.start() + first.end()));
      }
    }
    return tokens;
  }
}
