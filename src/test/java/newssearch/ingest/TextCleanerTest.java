package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import newssearch.RandomText;
import org.junit.jupiter.api.Test;

/** White space in a line: every kind becomes one space, and none is left at either end. */
class TextCleanerTest {
  /** The rule by its definition: each run of these characters is one space, then the ends are stripped. */
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000]+");

  @Test
  void everyRunOfSpaceIsOneSpace() {
    assertEquals("Beijing said", TextCleaner.normalise(" Beijing\u00A0\u00A0 said\t"));
    assertEquals("a b c", TextCleaner.normalise("a\u3000b\u2009c"));
    assertEquals("a b", TextCleaner.normalise("a b"));
    assertEquals("", TextCleaner.normalise(" \u200B "));
  }

  @Test
  void linesOfAnyMixOfSpacesAreCleanedAsByTheRule() {
    String[] pieces = {"a", "Z", ".", "|", " ", " ", "\t", "\n", "\r", "\f", "\u000B", "\u00A0", "\u2000", "\u2009",
        "\u200B", "\u200C", "\u3000", "\u2028", "\u1680", "\u202F"};
    RandomText.each(42, 20_000, 11, pieces, text -> assertEquals(SPACES.matcher(text).replaceAll(" ").strip(),
        TextCleaner.normalise(text), () -> text.chars().mapToObj(c -> String.format("U+%04X", c)).toList().toString()));
  }

  @Test
  void aPipeTableRowBecomesText() {
    assertEquals("Key Participants: Huawei, Alibaba", TextCleaner.tableRowAsText("Key Participants | Huawei, Alibaba |"));
    assertEquals("no pipes here", TextCleaner.tableRowAsText("no pipes here"));
  }
}
