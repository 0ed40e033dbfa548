package newssearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Articles sent to the server: JSON Lines, or one JSON array of objects, with the fields of JSON
 * Lines corpora ({@link RecordFields}), read and cleaned exactly as a {@code .jsonl} file's lines
 * are, so an article posted is the same as one indexed from a file. Each record that cannot be
 * read is reported by its line (for an array: its position, from 1), and the others are kept.
 */
public final class PostedArticles {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** A record that was not read, and why. */
  public record Failure(int line, String error) {}

  /** The articles read, each with its line, and the failures. */
  public record Parsed(List<Integer> lines, List<Article> articles, List<Failure> failed) {}

  /** The body was not JSON Lines nor a JSON array, or held too many records. */
  public static final class BadBody extends RuntimeException {
    public BadBody(String message) {
      super(message);
    }
  }

  private final TextCleaner cleaner;

  public PostedArticles(IngestRules rules) {
    this.cleaner = new TextCleaner(rules);
  }

  public Parsed parse(String body, int maxRecords) {
    String trimmed = body.strip();
    List<JsonNode> nodes = new ArrayList<>();
    List<Integer> lineOf = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    if (trimmed.startsWith("[")) {
      JsonNode array;
      try {
        array = JSON.readTree(trimmed);
      } catch (JsonProcessingException e) {
        throw new BadBody("the body starts with '[' but is not a JSON array: " + e.getOriginalMessage());
      }
      for (int i = 0; i < array.size(); i++) {
        nodes.add(array.get(i));
        lineOf.add(i + 1);
      }
    } else {
      List<String> lines = body.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty()) {
          continue;
        }
        try {
          nodes.add(JSON.readTree(line));
        } catch (JsonProcessingException e) {
          nodes.add(null);
          failed.add(new Failure(i + 1, "not JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ")));
        }
        lineOf.add(i + 1);
      }
    }
    if (nodes.size() > maxRecords) {
      throw new BadBody("too many records: " + nodes.size() + " (at most " + maxRecords + " in one request)");
    }
    List<Integer> lines = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode node = nodes.get(i);
      int line = lineOf.get(i);
      if (node == null) {
        continue;
      }
      if (!node.isObject()) {
        failed.add(new Failure(line, "not a JSON object"));
        continue;
      }
      IngestReport report = new IngestReport();
      String where = "line " + line;
      var article = RecordFields.of(node).article(contentId(node), where, cleaner, report);
      if (article.isPresent()) {
        lines.add(line);
        articles.add(article.get());
      } else {
        failed.add(new Failure(line, report.messages().isEmpty() ? "not an article"
            : report.messages().get(report.messages().size() - 1).replaceFirst("^line \\d+: ", "")));
      }
    }
    failed.sort(java.util.Comparator.comparingInt(Failure::line));
    return new Parsed(lines, articles, failed);
  }

  /** The id of a record without one: from its content, so posting the same record twice replaces it. */
  private static String contentId(JsonNode node) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(node.toString().getBytes(StandardCharsets.UTF_8));
      return "posted-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
