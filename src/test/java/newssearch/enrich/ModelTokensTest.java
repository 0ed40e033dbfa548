package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newssearch.RandomText;
import org.junit.jupiter.api.Test;

/** Sentences and tokens as the name model's training data has them. */
class ModelTokensTest {
  /**
   * What a token is, first match first: capitals with full stops ("U.S."), one before a space and a
   * capital ("J. Smith"), letters and digits joined by single marks, any other character.
   */
  private static final Pattern TOKEN = Pattern.compile(
      "(?:\\p{Lu}\\.){2,}|\\p{Lu}\\.(?=\\s\\p{Lu})|[\\p{L}\\p{N}]+(?:[-&.'’@][\\p{L}\\p{N}]+)*|\\S");

  @Test
  void tokensAreUniversalDependenciesStyle() {
    assertEquals(List.of(List.of("The", "U.S.", "and", "J.", "Smith", "'s", "Wal-Mart", "did", "n't", "."),
        List.of("AT&T", "sold", "3.5", "%", "(", "U.S.", "A", ")")),
        texts("The U.S. and J. Smith's Wal-Mart didn't. AT&T sold 3.5% (U.S.A)"));
  }

  @Test
  void tokensAreFoundWhereThePatternFindsThem() {
    String[] pieces = {"a", "Z", "É", "é", "7", "½", "\uD835\uDC00", "\u0301", ".", "&", "'", "’", "-", "@", " ", "\t", "\n",
        "\u00A0", ",", "U.", "S.", "n't", "'s"};
    RandomText.each(11, 20_000, 13, pieces, t -> assertEquals(spans(byPattern(t)), spans(found(t)), t));
  }

  private static List<int[]> byPattern(String t) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = TOKEN.matcher(t);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    return spans;
  }

  /** Where the tokens start and end: a clitic split off a token is joined to it again. */
  private static List<int[]> found(String t) {
    List<int[]> found = new ArrayList<>();
    for (List<ModelTokens.Piece> sentence : ModelTokens.sentences(t)) {
      for (ModelTokens.Piece p : sentence) {
        if (!found.isEmpty() && found.get(found.size() - 1)[1] == p.start() && cliticOf(t, found.get(found.size() - 1)[0], p)) {
          found.get(found.size() - 1)[1] = p.end();
        } else {
          found.add(new int[] {p.start(), p.end()});
        }
      }
    }
    return found;
  }

  /** Whether {@code p} is a clitic split from the token that started at {@code start}. */
  private static boolean cliticOf(String text, int start, ModelTokens.Piece p) {
    Matcher m = TOKEN.matcher(text);
    return m.find(start) && m.start() == start && m.end() >= p.end();
  }

  private static List<String> spans(List<int[]> spans) {
    return spans.stream().map(s -> s[0] + "-" + s[1]).toList();
  }

  private static List<List<String>> texts(String text) {
    return ModelTokens.sentences(text).stream().map(s -> s.stream().map(ModelTokens.Piece::text).toList()).toList();
  }
}
