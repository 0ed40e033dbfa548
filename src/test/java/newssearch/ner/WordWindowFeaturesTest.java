package newssearch.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;
import org.junit.jupiter.api.Test;

/** Our one-pass word features are OpenNLP's window, token and token-class features, word for word. */
class WordWindowFeaturesTest {
  @Test
  void sameFeaturesAsOpenNlpWindowGenerators() {
    WindowFeatureGenerator words = new WindowFeatureGenerator(new TokenFeatureGenerator(true), 2, 2);
    WindowFeatureGenerator classes = new WindowFeatureGenerator(new TokenClassFeatureGenerator(true), 1, 1);
    WordWindowFeatures ours = new WordWindowFeatures();
    for (String[] sentence : List.of(
        "NEW YORK ( Reuters ) - Ollie Smith , 23 , joined Leeds in 2004 .".split(" "),
        new String[] {"Zürich"},
        "Mr O'Neil's U.S. e-mail".split(" "))) {
      for (int i = 0; i < sentence.length; i++) {
        List<String> expected = new ArrayList<>();
        words.createFeatures(expected, sentence, i, null);
        classes.createFeatures(expected, sentence, i, null);
        List<String> actual = new ArrayList<>();
        ours.createFeatures(actual, sentence, i, null);
        assertEquals(new HashSet<>(expected), new HashSet<>(actual), "token " + i + " of " + String.join(" ", sentence));
        assertEquals(expected.size(), actual.size());
      }
    }
  }
}
