package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(14); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      assertEquals(byPattern(t), Token.tokenize(t), t);
    }
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
