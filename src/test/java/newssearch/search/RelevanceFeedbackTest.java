package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import newssearch.TestCorpus;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** RM3 over hand-made feedback articles, its weights computed by hand. */
class RelevanceFeedbackTest {
  private static final Analyzer ANALYZER = Schema.analyzer(TestCorpus.config().analysis().query());
  private static final MatchingRules.QuestionRanking THREE_TERMS = new MatchingRules.QuestionRanking(0.3, 10, 3, 0.5);

  /** 100 articles; each word in one of them, but those given. */
  private static WordStats stats(Map<String, Integer> df) {
    return new WordStats() {
      @Override
      public int numDocs() {
        return 100;
      }

      @Override
      public int[] docFreqs(String field, List<String> terms) {
        return terms.stream().mapToInt(t -> df.getOrDefault(t, 1)).toArray();
      }
    };
  }

  private static Map<String, Double> weights(List<RelevanceFeedback.Term> terms) {
    return terms.stream().collect(Collectors.toMap(RelevanceFeedback.Term::term, RelevanceFeedback.Term::weight));
  }

  private static final Map<String, Map.Entry<String, Integer>> RADIO = Map.of("radio", Map.entry("radio", 1));

  @Test
  void eachWordWeighsItsShareOfEachArticleTimesTheArticlesScore() throws IOException {
    // alpha, beta: 1/2 of an article of score 2 -> 1 each; gamma, delta: 1/2 of score 1 -> 0.5.
    // The 3 heaviest (ties by word): alpha, beta, delta, sum 2.5, then half the weight each
    // share, the other half the question's one word.
    List<RelevanceFeedback.Term> terms = RelevanceFeedback.expand(RADIO,
        List.of(new RelevanceFeedback.Doc("alpha beta", 2f), new RelevanceFeedback.Doc("gamma delta", 1f)), ANALYZER,
        stats(Map.of()), THREE_TERMS);
    Map<String, Double> w = weights(terms);
    assertEquals(4, w.size(), w.toString());
    assertEquals(0.5, w.get("radio"), 1e-9);
    assertEquals(0.2, w.get("alpha"), 1e-9);
    assertEquals(0.2, w.get("beta"), 1e-9);
    assertEquals(0.1, w.get("delta"), 1e-9);
    assertFalse(w.containsKey("gamma"), "only feedback-terms words are added");
  }

  @Test
  void wordsInMoreThanATenthOfTheArticlesAreLeftOut() throws IOException {
    Map<String, Double> w = weights(RelevanceFeedback.expand(RADIO,
        List.of(new RelevanceFeedback.Doc("alpha beta", 2f), new RelevanceFeedback.Doc("gamma delta", 1f)), ANALYZER,
        stats(Map.of("beta", 11)), THREE_TERMS));
    assertFalse(w.containsKey("beta"));
    assertEquals(0.25, w.get("alpha"), 1e-9);
    assertEquals(0.125, w.get("delta"), 1e-9);
    assertEquals(0.125, w.get("gamma"), 1e-9);
  }

  @Test
  void aWordFeedbackAlsoFindsGainsWeightAndRepeatedQuestionWordsCountTwice() throws IOException {
    Map<String, Map.Entry<String, Integer>> question = new LinkedHashMap<>();
    question.put("radio", Map.entry("radio", 2));
    question.put("quasar", Map.entry("quasars", 1));
    // radio 1/2 of the one article, quasar 1/2: feedback adds 0.25 to each.
    List<RelevanceFeedback.Term> terms = RelevanceFeedback.expand(question,
        List.of(new RelevanceFeedback.Doc("Radio quasars", 1f)), ANALYZER, stats(Map.of()), THREE_TERMS);
    Map<String, Double> w = weights(terms);
    assertEquals(0.5 * 2 / 3 + 0.25, w.get("radio"), 1e-9);
    assertEquals(0.5 / 3 + 0.25, w.get("quasar"), 1e-9);
  }

  @Test
  void aFeedbackTermIsSearchedByTheWordTheArticlesWroteAndSynonymsAreNotTheirs() throws IOException {
    // "AI" has the synonyms "A.I." and "artificial intelligence" at the same position: the
    // article did not write them. Its words: radio, ai, quasars (x2).
    List<RelevanceFeedback.Term> terms = RelevanceFeedback.expand(RADIO,
        List.of(new RelevanceFeedback.Doc("Radio AI Quasars quasars", 1f)), ANALYZER, stats(Map.of()), THREE_TERMS);
    Map<String, String> words = terms.stream()
        .collect(Collectors.toMap(RelevanceFeedback.Term::term, RelevanceFeedback.Term::word));
    assertEquals("quasars", words.get("quasar"));
    assertEquals(0.5 * 2 / 4 / (2 / 4.0 + 1 / 4.0 + 1 / 4.0), weights(terms).get("quasar"), 1e-9);
    assertFalse(words.containsKey("artifici"), words.toString());
    assertFalse(words.containsKey("intellig"), words.toString());
  }
}
