package newssearch.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import newssearch.config.ConfigException;
import newssearch.ner.NerTypes;
import newssearch.ner.WordWindowFeatures;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * The trained name finder: an OpenNLP maximum-entropy model ({@link opennlp.tools.namefind.NameFinderME}) that tags
 * people, organisations and places in text, from {@code index-config/entity-model.bin} (built by
 * {@code news-search train-entities}). It finds names without cue words ("Ollie Smith", "Leeds" as a
 * club), which the gazetteer and the cue rules cannot.
 */
public final class ModelNameFinder {
  public static final String FILE = "entity-model.bin";

  /** A name the model found: character offsets in the text, engine type and the model's probability. */
  record Name(int start, int end, String type, double probability) {}

  private final TokenNameFinderModel model;
  // The decoder keeps per-document state, so each thread has its own.
  private final ThreadLocal<NameDecoder> decoders;

  public ModelNameFinder(TokenNameFinderModel model) {
    this.model = model;
    // A model without a maximum-entropy name model fails here, at load. The weights are made once.
    MaxentWeights weights = MaxentWeights.of(NameDecoder.maxentOf(model));
    this.decoders = ThreadLocal.withInitial(() -> new NameDecoder(model, weights));
  }

  /** The model of {@code configDir}, or null when there is none (then only the gazetteer and the cues find names). */
  public static ModelNameFinder load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    WordWindowFeatures.allow();
    try (InputStream in = Files.newInputStream(file)) {
      return new ModelNameFinder(new TokenNameFinderModel(in));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file, 1, "not a name finder model (" + e.getMessage() + "); rebuild it with news-search train-entities");
    }
  }

  public TokenNameFinderModel model() {
    return model;
  }

  /** The names in {@code text}, one document: what the model learns in it helps later sentences. */
  List<Name> find(String text) {
    NameDecoder decoder = decoders.get();
    decoder.startDocument();
    List<Name> names = new ArrayList<>();
    for (List<ModelTokens.Piece> sentence : ModelTokens.sentences(text)) {
      String[] tokens = new String[sentence.size()];
      for (int i = 0; i < tokens.length; i++) {
        tokens[i] = sentence.get(i).text();
      }
      NameDecoder.Tagged tagged = decoder.tag(tokens);
      Span[] spans = tagged.names();
      double[] probs = tagged.probabilities();
      for (int i = 0; i < spans.length; i++) {
        Span s = spans[i];
        String type = NerTypes.toEngine(s.getType());
        if (type != null) {
          names.add(new Name(sentence.get(s.getStart()).start(), sentence.get(s.getEnd() - 1).end(), type, probs[i]));
        }
      }
    }
    decoder.startDocument();
    return names;
  }
}
