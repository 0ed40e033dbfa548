package newssearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newssearch.TestCorpus;
import newssearch.ingest.IngestReport;
import newssearch.search.QuerySyntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relevance regression in the manner of Anserini: each judged collection is indexed and searched
 * exactly as {@code news-search eval} does, and every score must stay within
 * {@link #TOLERANCE} of the committed {@code eval/expected-scores.txt}. Update that file only on
 * purpose, saying why in the commit. No topic may be refused.
 */
class EvalRegressionTest {
  static final double TOLERANCE = 0.005;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"cisi", "cranfield", "seed"})
  void scoresDoNotDrop(String collection) throws IOException {
    Path home = TestCorpus.home();
    Path docs;
    Judgments judgments;
    if (collection.equals("seed")) {
      docs = TestCorpus.seedCorpus();
      Path search = home.resolve("src/test/resources/search");
      judgments = Judgments.read(search.resolve("topics.tsv"), search.resolve("qrels.txt"));
    } else {
      Path folder = home.resolve("src/test/resources/eval").resolve(collection);
      docs = folder.resolve("docs.jsonl");
      judgments = Judgments.read(folder.resolve("topics.tsv"), folder.resolve("qrels.txt"));
    }
    Evaluation.Result result = Evaluation.run(TestCorpus.config(), List.of(docs), judgments, QuerySyntax.SIMPLE,
        dir.resolve("index"), new IngestReport());
    Evaluation.Scores s = result.scores();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    EvalCommand.print(out, collection, s);

    Map<String, Double> expected = expected(home.resolve("src/test/resources/eval/expected-scores.txt"), collection);
    Map<String, Double> actual = Map.of("map", s.map(), "ndcg_cut_10", s.ndcg10(), "P_10", s.p10(),
        "recall_100", s.recall100());
    List<String> drops = new ArrayList<>();
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      double now = actual.get(e.getKey());
      if (now < e.getValue() - TOLERANCE) {
        drops.add(String.format(Locale.ROOT, "%s fell from %.4f to %.4f", e.getKey(), e.getValue(), now));
      }
    }
    assertEquals(4, expected.size(), "expected-scores.txt lists map, ndcg_cut_10, P_10, recall_100 for " + collection);
    assertTrue(drops.isEmpty(), collection + ": " + drops);
    assertEquals(0, s.refused(), collection + ": no topic may be refused");
  }

  /** The lines {@code collection measure score} of the expected-scores file for one collection. */
  private static Map<String, Double> expected(Path file, String collection) throws IOException {
    Map<String, Double> scores = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 3 && !line.startsWith("#") && f[0].equals(collection)) {
        scores.put(f[1], Double.parseDouble(f[2]));
      }
    }
    return scores;
  }
}
