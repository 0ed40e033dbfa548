package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relevance regression in the manner of Anserini: topics and graded judgments over the seed
 * corpus are committed with the expected mean nDCG@5. The run prints every topic's score and the
 * mean, fails below {@link #FLOOR}, and fails when the mean drops noticeably below the committed
 * figure (update expected-ndcg.txt when a change improves it).
 */
class RelevanceTest {
  static final double FLOOR = 0.90;
  static final double REGRESSION_TOLERANCE = 0.01;
  static final int DEPTH = 5;

  @TempDir Path dir;

  @Test
  void meanNdcgAtFiveOverTheSeedCorpus() throws IOException {
    Map<String, String> topics = topics();
    Map<String, Map<String, Integer>> qrels = qrels();
    assertTrue(topics.size() >= 20, "at least 20 judged queries");
    double sum = 0;
    try (ArticleSearcher searcher = TestCorpus.searcher(dir, TestCorpus.seedCorpus())) {
      for (Map.Entry<String, String> topic : topics.entrySet()) {
        Map<String, Integer> judged = qrels.getOrDefault(topic.getKey(), Map.of());
        assertTrue(!judged.isEmpty(), "topic " + topic.getKey() + " has judgments");
        List<String> ranked = searcher.search(SearchRequest.of(topic.getValue()).withPage(1, DEPTH)).hits()
            .stream().map(SearchResult.Hit::id).toList();
        double ndcg = ndcg(ranked, judged, DEPTH);
        sum += ndcg;
        System.out.printf(Locale.ROOT, "ndcg_cut_5  %-3s %.4f  %s%n", topic.getKey(), ndcg, topic.getValue());
      }
    }
    double mean = sum / topics.size();
    double expected = expected();
    System.out.printf(Locale.ROOT, "ndcg_cut_5  all %.4f  (expected %.4f, floor %.2f, %d topics)%n",
        mean, expected, FLOOR, topics.size());
    assertTrue(mean >= FLOOR, "mean nDCG@5 " + mean + " is below " + FLOOR);
    assertTrue(mean >= expected - REGRESSION_TOLERANCE,
        "mean nDCG@5 fell from the committed " + expected + " to " + mean);
  }

  @Test
  void ndcgOfKnownRankings() {
    Map<String, Integer> judged = Map.of("a", 2, "b", 1);
    assertEquals(1.0, ndcg(List.of("a", "b", "c"), judged, 5), 1e-9);
    assertEquals(0.0, ndcg(List.of("c", "d"), judged, 5), 1e-9);
    // b first, a second: DCG = 1/log2(2) + 3/log2(3); ideal = 3 + 1/log2(3).
    double dcg = 1 + 3 / log2(3);
    double ideal = 3 + 1 / log2(3);
    assertEquals(dcg / ideal, ndcg(List.of("b", "a"), judged, 5), 1e-9);
  }

  /** nDCG with exponential gain (2^grade - 1), as trec_eval's ndcg_cut. */
  static double ndcg(List<String> ranked, Map<String, Integer> judged, int depth) {
    double dcg = 0;
    for (int i = 0; i < Math.min(depth, ranked.size()); i++) {
      dcg += gain(judged.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = new ArrayList<>(judged.values());
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int i = 0; i < Math.min(depth, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static Map<String, String> topics() throws IOException {
    Map<String, String> topics = new LinkedHashMap<>();
    for (String line : lines("topics.tsv")) {
      String[] f = line.split("\t", 2);
      topics.put(f[0].strip(), f[1].strip());
    }
    return topics;
  }

  private static Map<String, Map<String, Integer>> qrels() throws IOException {
    Map<String, Map<String, Integer>> qrels = new HashMap<>();
    for (String line : lines("qrels.txt")) {
      String[] f = line.split("\\s+");
      qrels.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[2], Integer.parseInt(f[3]));
    }
    return qrels;
  }

  private static double expected() throws IOException {
    for (String line : lines("expected-ndcg.txt")) {
      String[] f = line.split("\\s+");
      if (f[0].equals("ndcg_cut_5") && f[1].equals("all")) {
        return Double.parseDouble(f[2]);
      }
    }
    throw new IllegalStateException("expected-ndcg.txt has no 'ndcg_cut_5 all' line");
  }

  /** The lines of a resource of this folder, without comments and blank lines. */
  private static List<String> lines(String name) throws IOException {
    try (InputStream in = RelevanceTest.class.getResourceAsStream("/search/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource search/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }
}
