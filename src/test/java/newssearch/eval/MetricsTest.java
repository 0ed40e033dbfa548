package newssearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** trec_eval's measures on rankings worked out by hand. */
class MetricsTest {
  private static final double EPS = 1e-9;

  /** Relevant: a, b, c (binary). Unjudged: x. Judged not relevant: n. */
  private static final Map<String, Integer> BINARY = Map.of("a", 1, "b", 1, "c", 1, "n", 0);

  @Test
  void averagePrecisionCountsEveryRelevantDocumentEvenWhenNotRetrieved() {
    // a at 1, b at 3; c never found: (1/1 + 2/3) / 3.
    assertEquals((1.0 + 2.0 / 3) / 3, Metrics.averagePrecision(List.of("a", "x", "b", "n"), BINARY), EPS);
    assertEquals(1.0, Metrics.averagePrecision(List.of("c", "b", "a", "x"), BINARY), EPS);
    assertEquals(0.0, Metrics.averagePrecision(List.of(), BINARY), EPS);
    // Unjudged documents count as not relevant: x then a: (1/2) / 3.
    assertEquals(0.5 / 3, Metrics.averagePrecision(List.of("x", "a"), BINARY), EPS);
  }

  @Test
  void precisionDividesByTheCutOffEvenWhenFewerWereRetrieved() {
    assertEquals(2.0 / 10, Metrics.precisionAt(10, List.of("a", "x", "b"), BINARY), EPS);
    assertEquals(1.0 / 2, Metrics.precisionAt(2, List.of("n", "c", "a"), BINARY), EPS);
  }

  @Test
  void recallIsTheShareOfRelevantDocumentsInTheFirstK() {
    assertEquals(2.0 / 3, Metrics.recallAt(100, List.of("a", "x", "b"), BINARY), EPS);
    assertEquals(1.0 / 3, Metrics.recallAt(1, List.of("a", "b"), BINARY), EPS);
  }

  @Test
  void ndcgUsesTheGradeAsGainAndTheIdealOrderOfAllJudgedDocuments() {
    Map<String, Integer> graded = Map.of("a", 3, "b", 2, "c", 1, "n", 0);
    // Ranking b, x, a: DCG = 2/log2(2) + 0 + 3/log2(4) = 2 + 1.5 = 3.5.
    // Ideal a, b, c: 3/1 + 2/log2(3) + 1/log2(4) = 3 + 1.2618595 + 0.5.
    double ideal = 3 + 2 / log2(3) + 0.5;
    assertEquals(3.5 / ideal, Metrics.ndcgAt(10, List.of("b", "x", "a"), graded), EPS);
    // Cut at 1: only b counts, against the ideal's a.
    assertEquals(2.0 / 3, Metrics.ndcgAt(1, List.of("b", "x", "a"), graded), EPS);
    assertEquals(1.0, Metrics.ndcgAt(10, List.of("a", "b", "c", "n", "x"), graded), EPS);
    assertEquals(0.0, Metrics.ndcgAt(10, List.of("x", "n"), graded), EPS);
  }

  @Test
  void judgedTopicsAreThoseWithARelevantDocument() {
    Judgments j = new Judgments(
        Map.of("1", "first", "2", "second", "3", "third"),
        Map.of("1", Map.of("a", 1), "2", Map.of("b", 0)));
    assertEquals(Map.of("1", "first"), j.judgedTopics());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
