package newssearch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import newssearch.enrich.EntityTagger;
import newssearch.enrich.Gazetteer;
import newssearch.enrich.ModelNameFinder;
import newssearch.ner.Counts;
import newssearch.ner.EntityEvaluation;
import newssearch.ner.IobReader;
import newssearch.ner.TaggedDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code news-search eval-entities --iob FILE}: scores the engine's entities against gold names in
 * CoNLL/IOB columns, like conlleval: mention precision, recall and F1 per type (exact tokens and
 * type), overall and untyped, and per-document name sets.
 */
@Command(name = "eval-entities", mixinStandardHelpOptions = true,
    description = "Score the entity finder against gold PER/ORG/LOC names in CoNLL/IOB2 files (conlleval's definitions).")
final class EvalEntitiesCommand implements Callable<Integer> {
  @Option(names = "--iob", paramLabel = "FILE", required = true, description = "gold file (CoNLL/IOB columns, .gz allowed); repeatable")
  List<Path> files;

  @Option(names = "--finder", defaultValue = "all", paramLabel = "all|rules|model",
      description = "what finds names: all (gazetteer, cue rules and model, fused), rules (gazetteer and cue rules), model (the trained model alone); default: ${DEFAULT-VALUE}")
  String finderName;

  @Option(names = "--config", paramLabel = "DIR", description = "index-config folder with the gazetteer, cues and model (default: <home>/index-config)")
  Path config;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    EntityTagger.Finders finder = switch (finderName.toLowerCase(java.util.Locale.ROOT)) {
      case "all" -> EntityTagger.Finders.ALL;
      case "rules" -> EntityTagger.Finders.RULES;
      case "model" -> EntityTagger.Finders.MODEL;
      default -> throw new Failures.UserError("--finder must be all, rules or model, not '" + finderName + "'");
    };
    Gazetteer gazetteer = Gazetteer.load(config != null ? config : Locations.home().resolve("index-config"));
    if (finder != EntityTagger.Finders.RULES && gazetteer.model() == null) {
      throw new Failures.UserError("the configuration has no trained name finder (" + ModelNameFinder.FILE + "); build it with news-search train-entities");
    }
    EntityTagger tagger = new EntityTagger(gazetteer, finder);
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new Failures.UserError("no such file: " + file);
      }
      List<TaggedDocument> documents;
      try {
        documents = IobReader.read(file);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(e.getMessage());
      }
      EntityEvaluation eval = new EntityEvaluation(tagger::tag);
      documents.forEach(eval::add);
      print(out, file, finder, eval);
    }
    return 0;
  }

  static void print(PrintWriter out, Path file, EntityTagger.Finders finder, EntityEvaluation eval) {
    out.printf("%s: %d documents, finder %s%n", file, eval.documents(), finder.name().toLowerCase());
    out.printf("  %-22s %9s %7s %7s %7s %7s %7s%n", "mentions", "precision", "recall", "F1", "correct", "found", "gold");
    for (String type : List.of("PER", "ORG", "LOC")) {
      String label = type + " (" + newssearch.ner.NerTypes.toEngine(type) + ")";
      row(out, label, eval.mentions().type(type));
    }
    row(out, "overall", eval.mentions().overall());
    row(out, "untyped", eval.mentions().untyped());
    row(out, "name sets per document", eval.nameSets().counts());
    out.flush();
  }

  private static void row(PrintWriter out, String label, Counts c) {
    out.printf("  %-22s %9.4f %7.4f %7.4f %7d %7d %7d%n", label, c.precision(), c.recall(), c.f1(), c.correct(), c.found(), c.gold());
  }
}
