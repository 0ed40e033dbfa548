package newssearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Pseudo-relevance feedback for questions: RM3 (Lavrenko and Croft's relevance model, interpolated
 * with the query as Anserini and Indri do). The top articles of the first ranking stand in for
 * relevant ones; each word's weight is the sum over them of its share of the article's words,
 * times the article's score; the heaviest words, less those in more than {@link #MAX_DF_RATIO} of
 * all articles (Anserini's rule against stop words), form the feedback model, which is mixed with
 * the question's own words. Both engines use it: one computes what to ask, each asks in its way.
 */
public final class RelevanceFeedback {
  /** A word found in more than this share of the articles says nothing about a topic (Anserini's 10%). */
  static final double MAX_DF_RATIO = 0.1;
  /** Candidate words whose article counts are looked up (in one go), per feedback word wanted. */
  private static final int CANDIDATES_PER_TERM = 10;

  /** A top article of the first ranking: its title and text, and its score. */
  public record Doc(String text, float score) {}

  /**
   * The expanded question: each term (as indexed) with the word to search it by and its weight;
   * the weights add up to 1.
   */
  public record Term(String term, String word, double weight) {}

  private RelevanceFeedback() {}

  /**
   * The question's terms mixed with the feedback model of {@code docs}.
   *
   * @param question each analysed term of the question with the word it was typed as and how many times
   */
  static List<Term> expand(Map<String, Map.Entry<String, Integer>> question, List<Doc> docs, Analyzer analyzer,
      WordStats stats, MatchingRules.QuestionRanking rules) throws IOException {
    Map<String, Double> model = new HashMap<>();
    Map<String, Map<String, Integer>> forms = new HashMap<>();
    for (Doc doc : docs.subList(0, Math.min(rules.feedbackDocs(), docs.size()))) {
      Map<String, Integer> tf = new HashMap<>();
      int length = terms(doc.text(), analyzer, tf, forms);
      if (length == 0) {
        continue;
      }
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        model.merge(e.getKey(), doc.score() * e.getValue() / (double) length, Double::sum);
      }
    }
    List<String> candidates = model.entrySet().stream()
        .filter(e -> e.getKey().length() >= 2 && e.getKey().length() <= 20 && e.getKey().matches("[a-z0-9]+"))
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit((long) rules.feedbackTerms() * CANDIDATES_PER_TERM).map(Map.Entry::getKey).toList();
    int[] df = candidates.isEmpty() ? new int[0] : stats.docFreqs(Schema.TEXT, candidates);
    double maxDf = MAX_DF_RATIO * stats.numDocs();
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < candidates.size() && chosen.size() < rules.feedbackTerms(); i++) {
      if (df[i] > 0 && df[i] <= maxDf) {
        chosen.add(candidates.get(i));
      }
    }
    double feedbackSum = chosen.stream().mapToDouble(model::get).sum();
    double questionSum = question.values().stream().mapToInt(Map.Entry::getValue).sum();
    Map<String, Double> weights = new LinkedHashMap<>();
    Map<String, String> wordOf = new HashMap<>();
    for (Map.Entry<String, Map.Entry<String, Integer>> q : question.entrySet()) {
      double w = chosen.isEmpty() ? 1.0 : rules.feedbackQueryWeight();
      weights.merge(q.getKey(), w * q.getValue().getValue() / questionSum, Double::sum);
      wordOf.put(q.getKey(), q.getValue().getKey());
    }
    for (String term : chosen) {
      weights.merge(term, (1 - rules.feedbackQueryWeight()) * model.get(term) / feedbackSum, Double::sum);
      wordOf.putIfAbsent(term, mostFrequent(forms.get(term)));
    }
    List<Term> out = new ArrayList<>();
    weights.forEach((term, w) -> out.add(new Term(term, wordOf.get(term), w)));
    return List.copyOf(out);
  }

  /**
   * Counts the terms of {@code text} into {@code tf} and the words they were written as into
   * {@code forms}; returns how many terms it has. Words a synonym rule adds are not the
   * article's and are left out.
   */
  private static int terms(String text, Analyzer analyzer, Map<String, Integer> tf, Map<String, Map<String, Integer>> forms)
      throws IOException {
    int n = 0;
    try (TokenStream ts = analyzer.tokenStream(Schema.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
          continue;
        }
        String t = term.toString();
        tf.merge(t, 1, Integer::sum);
        forms.computeIfAbsent(t, k -> new HashMap<>())
            .merge(text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT), 1,
                Integer::sum);
        n++;
      }
      ts.end();
    }
    return n;
  }

  private static String mostFrequent(Map<String, Integer> forms) {
    return forms.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElseThrow();
  }
}
