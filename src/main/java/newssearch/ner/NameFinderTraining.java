package newssearch.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the name finder on annotated files ({@link IobReader}): OpenNLP's maximum-entropy
 * {@link NameFinderME} with the features of a generator descriptor (OpenNLP's XML format), one thread, so the same files and settings give
 * the same model.
 */
public final class NameFinderTraining {
  private NameFinderTraining() {}

  /**
   * Training settings: iterations of GIS, how often a feature must occur to be kept (larger: smaller
   * model), and the feature generator descriptor (OpenNLP's XML; null for OpenNLP's default set).
   */
  public record Settings(int iterations, int cutoff, String features) {
    public Settings(int iterations, int cutoff) {
      this(iterations, cutoff, null);
    }
  }

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
    WordWindowFeatures.allow();
    TokenNameFinderFactory factory = settings.features() == null ? new TokenNameFinderFactory()
        : new TokenNameFinderFactory(settings.features().getBytes(StandardCharsets.UTF_8), Map.of(), new BioCodec());
    try {
      return NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples(documents)), params, factory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * About {@code limit} sentences drawn from every file in proportion to its size: the first
   * sentences of each file, in order. A learning curve then grows every source together rather than
   * the first file alone.
   */
  public static List<TaggedDocument> proportional(List<List<TaggedDocument>> files, int limit) {
    long total = files.stream().flatMap(List::stream).mapToLong(d -> d.sentences().size()).sum();
    List<TaggedDocument> kept = new ArrayList<>();
    for (List<TaggedDocument> file : files) {
      long size = file.stream().mapToLong(d -> d.sentences().size()).sum();
      kept.addAll(firstSentences(file, (int) Math.round((double) limit * size / Math.max(1, total))));
    }
    return kept;
  }

  /** The first {@code limit} sentences of the documents, in order. */
  static List<TaggedDocument> firstSentences(List<TaggedDocument> documents, int limit) {
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
