package newssearch.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the name finder on annotated files ({@link IobReader}): OpenNLP's maximum-entropy
 * {@link NameFinderME} with its default features, one thread, so the same files and settings give
 * the same model.
 */
public final class NameFinderTraining {
  private NameFinderTraining() {}

  /** Training settings: iterations of GIS, and how often a feature must occur to be kept (larger: smaller model). */
  public record Settings(int iterations, int cutoff) {}

  public static List<NameSample> samples(List<TaggedDocument> documents) {
    List<NameSample> samples = new ArrayList<>();
    for (TaggedDocument doc : documents) {
      boolean first = true;
      for (TaggedSentence s : doc.sentences()) {
        Span[] names = s.names().stream().map(n -> new Span(n.start(), n.end(), n.type())).toArray(Span[]::new);
        samples.add(new NameSample(s.tokens().toArray(String[]::new), names, first));
        first = false;
      }
    }
    return samples;
  }

  public static TokenNameFinderModel train(List<TaggedDocument> documents, Settings settings) {
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, 1);
    // Decoding keeps the single best tag sequence: three times faster than OpenNLP's default beam
    // of 3 at indexing time; training is the same either way.
    params.put(BeamSearch.BEAM_SIZE_PARAMETER, 1);
    try {
      return NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples(documents)), params,
          new TokenNameFinderFactory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code limit} sentences of the documents, in order. */
  public static List<TaggedDocument> firstSentences(List<TaggedDocument> documents, int limit) {
    List<TaggedDocument> kept = new ArrayList<>();
    int left = limit;
    for (TaggedDocument d : documents) {
      if (left <= 0) {
        break;
      }
      List<TaggedSentence> s = d.sentences().subList(0, Math.min(left, d.sentences().size()));
      kept.add(new TaggedDocument(d.id(), s));
      left -= s.size();
    }
    return kept;
  }

  /** All documents of the files, in order. */
  public static List<TaggedDocument> read(List<Path> files) {
    List<TaggedDocument> documents = new ArrayList<>();
    files.forEach(f -> documents.addAll(IobReader.read(f)));
    return documents;
  }
}
