package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class NameDecoderTest {
  private static final ModelNameFinder FINDER = ModelNameFinder.load(Path.of("index-config"));

  @Test
  void asksTheModelOnlyAboutCapitalisedWordsDigitsAndTheirNeighbours() {
    String[] words = "The talks in the city of New York ended on 3 May after a long week of work".split(" ");
    boolean[] asked = NameDecoder.worthAsking(words);
    String marked = "";
    for (int i = 0; i < words.length; i++) {
      marked += asked[i] ? words[i] + " " : "_ ";
    }
    assertEquals("The talks _ _ _ of New York ended on 3 May after _ _ _ _ _ ", marked);
  }

  @Test
  void asksAboutEveryWordOfASentenceWithoutCapitals() {
    boolean[] asked = NameDecoder.worthAsking("tony blair met gordon brown in london".split(" "));
    for (boolean a : asked) {
      assertTrue(a);
    }
  }

  @Test
  void findsTheSameNamesAsOpenNlpsNameFinder() {
    String text = "Manchester United beat Real Madrid 2-1 at Old Trafford on Saturday, and Wayne Rooney scored twice. "
        + "The Bank of England kept rates on hold, said governor Mervyn King in London. "
        + "huawei and zte shipped phones to the european union last year, the company said. "
        + "Shares of Alibaba Group rose in Hong Kong after the Chinese regulator eased rules for the industry. "
        + "A spokesman for the United Nations in Geneva declined to comment on the talks with Iran and Russia.";
    NameFinderME reference = new NameFinderME(FINDER.model());
    NameDecoder decoder = new NameDecoder(FINDER.model());
    decoder.startDocument();
    for (List<ModelTokens.Piece> sentence : ModelTokens.sentences(text)) {
      String[] words = sentence.stream().map(ModelTokens.Piece::text).toArray(String[]::new);
      Span[] expected = reference.find(words);
      double[] expectedProbs = reference.probs(expected);
      NameDecoder.Tagged tagged = decoder.tag(words);
      assertEquals(Arrays.toString(expected), Arrays.toString(tagged.names()), String.join(" ", words));
      assertArrayEquals(expectedProbs, tagged.probabilities(), 1e-9);
    }
  }
}
