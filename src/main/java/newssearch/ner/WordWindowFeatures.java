package newssearch.ner;

import java.util.List;
import java.util.Locale;
import opennlp.tools.util.ext.ExtensionLoader;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * The name finder's word features in one generator: the lower-cased words two either side
 * ({@code p2w=}, {@code p1w=}, {@code w=}, {@code n1w=}, {@code n2w=}) and the word classes one
 * either side, alone and with the word ({@code p1wc=}, {@code p1w&c=}, ...). The same features as
 * OpenNLP's window generators around its token and token-class generators, but each word is
 * lower-cased and classed once a sentence instead of once for every window it falls in, which
 * made those the costliest part of tagging.
 */
public final class WordWindowFeatures implements AdaptiveFeatureGenerator {
  private static final int WORDS = 2;
  private static final int CLASSES = 1;

  private String[] sentence;
  private String[] lower;
  private String[] classes;

  /**
   * Lets OpenNLP build this generator from a feature descriptor or a model: it instantiates only
   * classes of packages it is told about. Call before training or loading a model.
   */
  public static void allow() {
    ExtensionLoader.registerAllowedPackage(WordWindowFeatures.class.getPackageName());
  }

  /** Used by the feature descriptor: {@code <generator class="newssearch.ner.WordWindowFeatures$Factory"/>}. */
  public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    @Override
    public AdaptiveFeatureGenerator create() {
      return new WordWindowFeatures();
    }
  }

  @Override
  public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    if (tokens != sentence) {
      sentence = tokens;
      lower = new String[tokens.length];
      classes = new String[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        lower[i] = tokens[i].toLowerCase(Locale.ROOT);
        classes[i] = FeatureGeneratorUtil.tokenFeature(tokens[i]);
      }
    }
    for (int d = -WORDS; d <= WORDS; d++) {
      int i = index + d;
      if (i >= 0 && i < tokens.length) {
        features.add(prefix(d) + "w=" + lower[i]);
      }
    }
    for (int d = -CLASSES; d <= CLASSES; d++) {
      int i = index + d;
      if (i >= 0 && i < tokens.length) {
        String p = prefix(d);
        features.add(p + "wc=" + classes[i]);
        features.add(p + "w&c=" + lower[i] + "," + classes[i]);
      }
    }
  }

  private static String prefix(int d) {
    return d < 0 ? "p" + -d : d > 0 ? "n" + d : "";
  }
}
