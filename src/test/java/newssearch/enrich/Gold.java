package newssearch.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-made labels for articles: the topics and entities an editor gives them. See the comment
 * at the top of {@code src/test/resources/enrich/gold-seed.txt} for the format.
 */
record Gold(Map<String, Labels> articles) {

  /** One article's labels; entities are written "type name". */
  record Labels(Set<String> topics, Set<String> optionalTopics, Set<String> entities, Set<String> optionalEntities) {}

  static Gold read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Labels> articles = new LinkedHashMap<>();
    Labels current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] kv = line.split("\\s+", 2);
      String value = kv.length > 1 ? kv[1] : "";
      if (kv[0].equals("article")) {
        current = new Labels(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        articles.put(value, current);
        continue;
      }
      if (current == null) {
        throw new IllegalArgumentException(file + ": '" + line + "' before the first article line");
      }
      switch (kv[0]) {
        case "topics" -> current.topics().addAll(Arrays.asList(value.split("\\s+")));
        case "topics?" -> current.optionalTopics().addAll(Arrays.asList(value.split("\\s+")));
        case "entity" -> current.entities().add(value);
        case "entity?" -> current.optionalEntities().add(value);
        default -> throw new IllegalArgumentException(file + ": unknown line '" + line + "'");
      }
    }
    return new Gold(articles);
  }

  /** The key of the article whose origin ends with it, or null. */
  String keyFor(String origin) {
    String normalized = origin.replace('\\', '/');
    for (String key : articles.keySet()) {
      if (normalized.endsWith(key)) {
        return key;
      }
    }
    return null;
  }

  /** Precision and recall counts, added up over articles. */
  static final class Score {
    int predicted;
    int correct;
    int required;
    int found;
    final List<String> errors = new ArrayList<>();

    /** Scores one article: optional labels are neither needed nor wrong. */
    void add(String article, Set<String> output, Set<String> required, Set<String> optional) {
      for (String o : output) {
        if (required.contains(o)) {
          predicted++;
          correct++;
        } else if (!optional.contains(o)) {
          predicted++;
          errors.add(article + ": extra " + o);
        }
      }
      for (String r : required) {
        this.required++;
        if (output.contains(r)) {
          found++;
        } else {
          errors.add(article + ": missed " + r);
        }
      }
    }

    /** Adds another score's counts and errors to this one. */
    void addAll(Score other) {
      predicted += other.predicted;
      correct += other.correct;
      required += other.required;
      found += other.found;
      errors.addAll(other.errors);
    }

    double precision() {
      return predicted == 0 ? 1 : (double) correct / predicted;
    }

    double recall() {
      return required == 0 ? 1 : (double) found / required;
    }

    String summary(String what) {
      return String.format("%s: precision %.3f (%d/%d), recall %.3f (%d/%d)", what, precision(), correct, predicted,
          recall(), found, required);
    }
  }
}
