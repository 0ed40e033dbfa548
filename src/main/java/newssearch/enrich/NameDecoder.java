package newssearch.enrich;

import java.util.Arrays;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;

/**
 * Tags one document's sentences with the name finder's model, as {@link NameFinderME} does with a
 * beam of one (the model is trained for that), but without asking the model about words that
 * cannot start or continue a name: a word with no capital letter and no digit whose neighbours
 * have none either. Those are tagged "other" directly. In news most words are such words, and
 * asking the model about a word (building its features and looking each one up) was the largest
 * part of enriching an article. A sentence without any capital letter is tagged word by word, so
 * lower-cased text keeps the model's judgement.
 *
 * <p>Keeps the model's per-document memory (what it tagged earlier in the document), so one
 * instance serves one thread.
 */
final class NameDecoder {
  /** Tags, with the model's probability of each: the sequence codec decodes the tags into names. */
  record Tagged(Span[] names, double[] probabilities) {}

  private static final String MODEL_ENTRY = "nameFinder.model";

  private final MaxentModel maxent;
  /** The model's weights for fast lookup, or null when only the model itself gives its answers. */
  private final MaxentWeights weights;
  private final NameContextGenerator context;
  private final SequenceCodec<String> codec;
  private final SequenceValidator<String> validator;

  NameDecoder(TokenNameFinderModel model) {
    this(model, MaxentWeights.of(maxentOf(model)));
  }

  /** A decoder reading {@code weights}, made once from the model's {@link #maxentOf} and shared by every thread. */
  NameDecoder(TokenNameFinderModel model, MaxentWeights weights) {
    this.maxent = maxentOf(model);
    this.weights = weights;
    this.context = model.getFactory().createContextGenerator();
    this.codec = model.getFactory().createSequenceCodec();
    this.validator = codec.createSequenceValidator();
  }

  static MaxentModel maxentOf(TokenNameFinderModel model) {
    if (model.getArtifact(MODEL_ENTRY) instanceof MaxentModel m) {
      return m;
    }
    throw new IllegalArgumentException("the model has no maximum-entropy name model");
  }

  /** Forgets what earlier sentences taught: call at the start of each document. */
  void startDocument() {
    context.clearAdaptiveData();
  }

  /** The names of one sentence, given as words. */
  Tagged tag(String[] words) {
    String[] outcomes = new String[words.length];
    double[] probs = new double[words.length];
    boolean[] asked = worthAsking(words);
    for (int i = 0; i < words.length; i++) {
      if (!asked[i]) {
        outcomes[i] = NameFinderME.OTHER;
        probs[i] = 1.0;
        continue;
      }
      String[] features = context.getContext(i, words, outcomes, null);
      double[] scores = weights != null ? weights.eval(features) : maxent.eval(features);
      int best = best(scores, i, words, outcomes);
      outcomes[i] = maxent.getOutcome(best);
      probs[i] = scores[best];
    }
    context.updateAdaptiveData(words, outcomes);
    Span[] names = codec.decode(Arrays.asList(outcomes));
    double[] nameProbs = new double[names.length];
    for (int n = 0; n < names.length; n++) {
      double sum = 0;
      for (int i = names[n].getStart(); i < names[n].getEnd(); i++) {
        sum += probs[i];
      }
      nameProbs[n] = sum / names[n].length();
    }
    return new Tagged(names, nameProbs);
  }

  /** The most probable tag that may follow the tags so far (a name cannot continue before it starts). */
  private int best(double[] scores, int i, String[] words, String[] outcomes) {
    String[] before = Arrays.copyOf(outcomes, i);
    int best = -1;
    for (int o = 0; o < scores.length; o++) {
      if ((best < 0 || scores[o] > scores[best]) && validator.validSequence(i, words, before, maxent.getOutcome(o))) {
        best = o;
      }
    }
    return best < 0 ? maxent.getIndex(NameFinderME.OTHER) : best;
  }

  /** Which words the model is asked about: those with a capital or a digit, and their neighbours. */
  static boolean[] worthAsking(String[] words) {
    boolean[] marked = new boolean[words.length];
    boolean any = false;
    for (int i = 0; i < words.length; i++) {
      marked[i] = nameLike(words[i]);
      any |= marked[i];
    }
    boolean[] asked = new boolean[words.length];
    for (int i = 0; i < words.length; i++) {
      asked[i] = !any || marked[i] || (i > 0 && marked[i - 1]) || (i + 1 < words.length && marked[i + 1]);
    }
    return asked;
  }

  private static boolean nameLike(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isUpperCase(c) || Character.isDigit(c) || Character.isTitleCase(c)) {
        return true;
      }
    }
    return false;
  }
}
