package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Boundaries found lazily answer every question as the JDK's own sentence iterator does. */
class SentenceBoundariesTest {
  private static final List<String> TEXTS = List.of(
      "",
      "One sentence without an end",
      "Mr. Brown met Dr. Smith at 10 a.m. on Monday. They talked about the U.S. economy! Did growth slow? "
          + "\"Yes,\" he said. The end.",
      "Prices rose 2.5% in May.\n\nNew paragraph here. Another one... And a last one?!",
      "A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P. Q. R. S. T. U. V. W. X. Y. Z. "
          + "Short ones make many boundaries. ".repeat(20));

  @Test
  void followingAndPrecedingEveryOffsetAsTheJdk() {
    for (String text : TEXTS) {
      for (int offset = 0; offset <= text.length(); offset++) {
        BreakIterator lazy = boundaries(text);
        BreakIterator jdk = jdk(text);
        assertEquals(jdk.following(offset), lazy.following(offset), "following " + offset + " in " + text);
        assertEquals(jdk.current(), lazy.current(), "current after following " + offset);
        assertEquals(jdk.next(), lazy.next(), "next after following " + offset);
        lazy = boundaries(text);
        jdk = jdk(text);
        if (offset > 0) {
          assertEquals(jdk.preceding(offset), lazy.preceding(offset), "preceding " + offset + " in " + text);
          assertEquals(jdk.current(), lazy.current(), "current after preceding " + offset);
          assertEquals(jdk.next(), lazy.next(), "next after preceding " + offset);
        }
      }
    }
  }

  @Test
  void randomWalksAsTheJdk() {
    Random random = new Random(17);
    for (String text : TEXTS) {
      for (int walk = 0; walk < 50; walk++) {
        BreakIterator lazy = boundaries(text);
        BreakIterator jdk = jdk(text);
        for (int step = 0; step < 30; step++) {
          int offset = text.isEmpty() ? 0 : random.nextInt(text.length()) + 1;
          switch (random.nextInt(7)) {
            case 0 -> assertEquals(jdk.next(), lazy.next());
            case 1 -> assertEquals(jdk.previous(), lazy.previous());
            case 2 -> assertEquals(jdk.first(), lazy.first());
            case 3 -> assertEquals(jdk.last(), lazy.last());
            case 4 -> assertEquals(jdk.following(Math.min(offset, text.length() - 1 < 0 ? 0 : text.length() - 1)),
                lazy.following(Math.min(offset, text.length() - 1 < 0 ? 0 : text.length() - 1)));
            case 5 -> assertEquals(jdk.preceding(offset), lazy.preceding(offset));
            default -> {
              int k = random.nextInt(5) - 2;
              assertEquals(jdk.next(k), lazy.next(k), "next(" + k + ")");
            }
          }
          assertEquals(jdk.current(), lazy.current(), "current at step " + step + " in " + text);
        }
      }
    }
  }

  private static BreakIterator boundaries(String text) {
    BreakIterator b = new SentenceBoundaries();
    b.setText(new StringCharacterIterator(text));
    return b;
  }

  private static BreakIterator jdk(String text) {
    BreakIterator b = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    b.setText(new StringCharacterIterator(text));
    return b;
  }
}
