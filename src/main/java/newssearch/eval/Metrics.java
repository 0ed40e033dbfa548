package newssearch.eval;

import java.util.List;
import java.util.Map;

/**
 * The measures of trec_eval for one ranked list against the judgments of its topic. A grade
 * above 0 is relevant; documents not judged are not relevant. nDCG uses the grade itself as the
 * gain and 1 / log2(rank + 1) as the discount, as trec_eval's {@code ndcg_cut} does, with the
 * ideal ranking built from every judged document of the topic.
 */
public final class Metrics {
  private Metrics() {}

  /** Average precision ({@code map}): precision at each relevant document found, over all relevant ones. */
  public static double averagePrecision(List<String> ranked, Map<String, Integer> judged) {
    long relevant = relevantCount(judged);
    if (relevant == 0) {
      return 0;
    }
    double sum = 0;
    int found = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (isRelevant(judged, ranked.get(i))) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / relevant;
  }

  /** Precision at {@code k} ({@code P_10}): relevant documents in the first k, over k. */
  public static double precisionAt(int k, List<String> ranked, Map<String, Integer> judged) {
    return (double) relevantIn(k, ranked, judged) / k;
  }

  /** Recall at {@code k} ({@code recall_100}): relevant documents in the first k, over all relevant ones. */
  public static double recallAt(int k, List<String> ranked, Map<String, Integer> judged) {
    long relevant = relevantCount(judged);
    return relevant == 0 ? 0 : (double) relevantIn(k, ranked, judged) / relevant;
  }

  /** nDCG at {@code k} ({@code ndcg_cut_10}). */
  public static double ndcgAt(int k, List<String> ranked, Map<String, Integer> judged) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += Math.max(0, judged.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = judged.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static int relevantIn(int k, List<String> ranked, Map<String, Integer> judged) {
    int n = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (isRelevant(judged, ranked.get(i))) {
        n++;
      }
    }
    return n;
  }

  private static boolean isRelevant(Map<String, Integer> judged, String doc) {
    return judged.getOrDefault(doc, 0) > 0;
  }

  private static long relevantCount(Map<String, Integer> judged) {
    return judged.values().stream().filter(g -> g > 0).count();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
