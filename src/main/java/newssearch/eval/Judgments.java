package newssearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Topics and relevance judgments of a test collection, in the files trec_eval and Anserini use:
 * topics as {@code id TAB text}, judgments (qrels) as {@code qid 0 docid grade}. A grade above 0
 * is relevant; documents not judged count as not relevant.
 */
public record Judgments(Map<String, String> topics, Map<String, Map<String, Integer>> qrels) {

  /** Reads both files; a malformed line is an error naming file and line. */
  public static Judgments read(Path topicsFile, Path qrelsFile) throws IOException {
    Map<String, String> topics = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(topicsFile, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 2);
      if (f.length < 2 || f[0].isBlank()) {
        throw new IllegalArgumentException(topicsFile + ":" + (i + 1) + ": expected 'id<TAB>query'");
      }
      topics.put(f[0].strip(), f[1].strip());
    }
    Map<String, Map<String, Integer>> qrels = new HashMap<>();
    lines = Files.readAllLines(qrelsFile, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      try {
        if (f.length != 4) {
          throw new NumberFormatException();
        }
        qrels.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[2], Integer.parseInt(f[3]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(qrelsFile + ":" + (i + 1) + ": expected 'qid 0 docid grade'");
      }
    }
    return new Judgments(topics, qrels);
  }

  /**
   * The topics that are evaluated: those with at least one relevant document, as trec_eval
   * counts them with {@code -c} (a topic the run answers with nothing scores 0, not left out).
   */
  public Map<String, String> judgedTopics() {
    return topics.entrySet().stream()
        .filter(e -> qrels.getOrDefault(e.getKey(), Map.of()).values().stream().anyMatch(g -> g > 0))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  public Map<String, Integer> judged(String topic) {
    return qrels.getOrDefault(topic, Map.of());
  }
}
