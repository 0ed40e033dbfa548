package newssearch.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import newssearch.enrich.ModelNameFinder;
import newssearch.ner.NameFinderTraining;
import newssearch.ner.TaggedDocument;
import opennlp.tools.namefind.TokenNameFinderModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code news-search train-entities}: trains the name finder on annotated files and writes the
 * model the engine loads ({@code index-config/entity-model.bin}). Deterministic: the same files in
 * the same order with the same settings give the same model.
 */
@Command(name = "train-entities", mixinStandardHelpOptions = true,
    description = "Train the name finder (OpenNLP maximum entropy) on CoNLL/IOB files with PER, ORG and LOC names "
        + "(default: the openly licensed sets under <home>/ner/train, see ner/README.md).")
final class TrainEntitiesCommand implements Callable<Integer> {
  /** The features the committed model is trained with (see ner/README.md). */
  static final String FEATURES = "name-features.xml";

  @Option(names = "--data", paramLabel = "FILE", description = "annotated file (CoNLL/IOB columns, .gz allowed); repeatable")
  List<Path> data;

  @Option(names = "--out", paramLabel = "FILE", description = "where to write the model (default: <home>/index-config/" + ModelNameFinder.FILE + ")")
  Path out;

  @Option(names = "--iterations", defaultValue = "100", description = "training iterations (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--cutoff", defaultValue = "2", description = "keep features seen at least this often; larger gives a smaller model (default: ${DEFAULT-VALUE})")
  int cutoff;

  @Option(names = "--features", paramLabel = "FILE",
      description = "feature generator descriptor, OpenNLP XML (default: <home>/ner/" + FEATURES + ")")
  Path features;

  @Option(names = "--limit", paramLabel = "N", description = "train on about N sentences only, the first ones of every file in proportion to its size (for a learning curve)")
  Integer limit;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = data != null && !data.isEmpty() ? data : defaultData();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new Failures.UserError("no such file: " + f);
      }
    }
    Path featureFile = features != null ? features : Locations.home().resolve("ner").resolve(FEATURES);
    if (!Files.isRegularFile(featureFile)) {
      throw new Failures.UserError("no such feature descriptor: " + featureFile);
    }
    String descriptor = Files.readString(featureFile);
    List<TaggedDocument> documents;
    if (limit != null) {
      if (limit < 1) {
        throw new Failures.UserError("--limit must be at least 1, not " + limit);
      }
      documents = NameFinderTraining.proportional(files.stream().map(f -> NameFinderTraining.read(List.of(f))).toList(), limit);
    } else {
      documents = NameFinderTraining.read(files);
    }
    long sentences = documents.stream().mapToLong(d -> d.sentences().size()).sum();
    long names = documents.stream().flatMap(d -> d.sentences().stream()).mapToLong(s -> s.names().size()).sum();
    out.printf("training on %d files: %d documents, %d sentences, %d names (iterations %d, cutoff %d, features %s)%n",
        files.size(), documents.size(), sentences, names, iterations, cutoff, featureFile.getFileName());
    long started = System.nanoTime();
    TokenNameFinderModel model = NameFinderTraining.train(documents, new NameFinderTraining.Settings(iterations, cutoff, descriptor));
    Path target = this.out != null ? this.out : Locations.home().resolve("index-config").resolve(ModelNameFinder.FILE);
    Files.createDirectories(target.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(target)) {
      model.serialize(os);
    }
    out.printf("wrote %s (%,d bytes) in %.1f s%n", target, Files.size(target), (System.nanoTime() - started) / 1e9);
    return 0;
  }

  /** The training files committed under {@code ner/train}, in name order. */
  static List<Path> defaultData() throws java.io.IOException {
    Path dir = Locations.home().resolve("ner").resolve("train");
    if (!Files.isDirectory(dir)) {
      throw new Failures.UserError("no training data: " + dir + " is missing; give --data FILE");
    }
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.(iob2?|conll|txt)(\\.gz)?")).sorted().toList();
    }
  }
}
