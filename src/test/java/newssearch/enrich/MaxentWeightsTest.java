package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.Prior;
import opennlp.tools.namefind.NameContextGenerator;
import org.junit.jupiter.api.Test;

class MaxentWeightsTest {
  private static final ModelNameFinder FINDER = ModelNameFinder.load(Path.of("index-config"));

  @Test
  void givesExactlyTheModelsProbabilitiesForEveryWordOfRealSentences() {
    MaxentModel model = NameDecoder.maxentOf(FINDER.model());
    MaxentWeights weights = MaxentWeights.of(model);
    assertNotNull(weights);
    NameContextGenerator context = FINDER.model().getFactory().createContextGenerator();
    String text = "Manchester United beat Real Madrid 2-1 at Old Trafford on Saturday, and Wayne Rooney scored twice. "
        + "The Bank of England kept rates on hold, said governor Mervyn King in London. "
        + "huawei and zte shipped phones to the european union last year, the company said. "
        + "Qwertyuiop Zxcvbnm of Xyzzy Corp met officials in Llanfairpwllgwyngyll and Ouagadougou.";
    int words = 0;
    for (List<ModelTokens.Piece> sentence : ModelTokens.sentences(text)) {
      String[] tokens = sentence.stream().map(ModelTokens.Piece::text).toArray(String[]::new);
      String[] outcomes = new String[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        String[] features = context.getContext(i, tokens, outcomes, null);
        double[] expected = model.eval(features);
        assertArrayEquals(expected, weights.eval(features), String.join(" ", features)); // bit for bit
        outcomes[i] = model.getBestOutcome(expected);
        words++;
      }
    }
    assertTrue(words > 40, "words compared: " + words);
  }

  @Test
  void refusesAModelWhosePriorIsNotUniform() {
    Context[] params = {new Context(new int[] {0}, new double[] {1.5}), new Context(new int[] {1}, new double[] {0.5})};
    String[] features = {"a", "b"};
    String[] outcomes = {"x", "y"};
    Prior skewed = new Prior() {
      @Override
      public void logPrior(double[] dist, int[] context, float[] values) {
        dist[0] = Math.log(0.9);
        dist[1] = Math.log(0.1);
      }

      @Override
      public void logPrior(double[] dist, Context[] context, float[] values) {
        logPrior(dist, (int[]) null, values);
      }

      @Override
      public void logPrior(double[] dist, int[] context) {
        logPrior(dist, context, null);
      }

      @Override
      public void setLabels(String[] outcomeLabels, String[] contextLabels) {}
    };
    assertNull(MaxentWeights.of(new GISModel(params, features, outcomes, skewed)));
    assertNotNull(MaxentWeights.of(new GISModel(params, features, outcomes)));
  }
}
