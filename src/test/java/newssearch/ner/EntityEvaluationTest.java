package newssearch.ner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import newssearch.TestCorpus;
import newssearch.enrich.EntityTagger;
import org.junit.jupiter.api.Test;

/**
 * The engine's entities scored against the UNER English-EWT test split (web text, PER/ORG/LOC,
 * conlleval mention scores): fails when a score drops more than 0.01 below the committed
 * expectation in {@code expected-scores.properties}.
 */
class EntityEvaluationTest {
  @Test
  void unerEnglishEwtTestScoresHold() {
    List<TaggedDocument> docs = IobReader.read(TestCorpus.home().resolve("src/test/resources/ner/en_ewt-ud-test.iob2"));
    EntityTagger tagger = new EntityTagger(TestCorpus.config().gazetteer());
    EntityEvaluation eval = new EntityEvaluation(tagger::tag);
    docs.forEach(eval::add);
    StringBuilder report = new StringBuilder("UNER English-EWT test:");
    check(report, "uner-ewt-test.overall", eval.mentions().overall());
    check(report, "uner-ewt-test.untyped", eval.mentions().untyped());
    for (String type : List.of("PER", "ORG", "LOC")) {
      check(report, "uner-ewt-test." + type, eval.mentions().type(type));
    }
    check(report, "uner-ewt-test.namesets", eval.nameSets().counts());
    System.out.println(report);
    assertTrue(report.indexOf("BELOW") < 0, report.toString());
  }

  private static void check(StringBuilder report, String key, Counts c) {
    for (String measure : List.of("precision", "recall", "f1")) {
      double value = measure.equals("precision") ? c.precision() : measure.equals("recall") ? c.recall() : c.f1();
      double floor = ExpectedScores.floor(key + "." + measure);
      report.append(String.format("%n  %s.%s %.4f (floor %.4f)%s", key, measure, value, floor, value < floor ? " BELOW" : ""));
    }
  }
}
