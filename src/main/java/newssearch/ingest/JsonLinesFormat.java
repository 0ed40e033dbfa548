package newssearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.function.Consumer;

/**
 * JSON Lines ({@code .jsonl}, {@code .ndjson}): one article a line, a JSON object with the fields
 * of {@link RecordFields}. A line that is not a JSON object is skipped with a warning naming the
 * file and line; the other lines are kept. A record without an id gets the file's id base and its
 * line number, so the same file always gives the same ids.
 */
public final class JsonLinesFormat extends TextDocumentFormat {
  // A line must hold one JSON value and nothing after it.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  public JsonLinesFormat(IngestRules rules) {
    super(rules, "jsonl", "ndjson");
  }

  @Override
  protected void read(SourceFile file, String raw, Consumer<Article> out, IngestReport report) {
    List<String> lines = raw.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        report.skip(SkipReason.MALFORMED, where, "not JSON: " + shortMessage(e));
        continue;
      }
      if (node == null || !node.isObject()) {
        report.skip(SkipReason.MALFORMED, where, "not a JSON object");
        continue;
      }
      RecordFields.of(node).article(file.idBase() + "-" + (i + 1), where, cleaner, report).ifPresent(out);
    }
  }

  /** Jackson's message without the location it appends, which names no file and the line is ours. */
  private static String shortMessage(JsonProcessingException e) {
    return e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*$", "").replaceAll("\\s+", " ");
  }
}
