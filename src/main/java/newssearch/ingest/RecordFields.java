package newssearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The named fields of one structured record: a JSON object (a line of a JSON Lines file, a
 * {@code .meta.json} file) or a CSV row. Names are matched without regard to case, each field
 * under its usual aliases, and fields nobody asks for are ignored.
 *
 * <p>A list field is a JSON array, or a string separated by {@code ;} or {@code |} (by commas
 * when it has neither). An element that is an object counts by its {@code name}, with its
 * {@code type} as a prefix: {@code {"name": "Nvidia", "type": "org"}} gives {@code org:Nvidia}.
 */
final class RecordFields {
  static final List<String> ID = List.of("id");
  static final List<String> TITLE = List.of("title", "headline");
  static final List<String> TEXT = List.of("text", "body", "content", "description");
  static final List<String> DATE = List.of("date", "published", "published_at", "publishedat", "pubdate", "date_published");
  static final List<String> SOURCE = List.of("source", "publisher");
  static final List<String> URL = List.of("url", "link");
  static final List<String> TOPICS = List.of("topics", "topic", "categories", "category");
  static final List<String> ENTITIES = List.of("entities");

  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;|]");

  private final ObjectNode fields;

  private RecordFields(ObjectNode fields) {
    this.fields = fields;
  }

  /** The fields of a JSON object, names lower-cased. */
  static RecordFields of(JsonNode object) {
    ObjectNode lower = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      lower.putIfAbsent(field.getKey().strip().toLowerCase(Locale.ROOT), field.getValue());
    }
    return new RecordFields(lower);
  }

  /** The fields of a CSV row: {@code names[i]} holds {@code values.get(i)}. */
  static RecordFields of(List<String> names, List<String> values) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < names.size() && i < values.size(); i++) {
      object.put(names.get(i), values.get(i));
    }
    return of(object);
  }

  boolean hasAny(List<String> names) {
    return names.stream().anyMatch(fields::has);
  }

  /** The first of {@code names} with a non-blank value, as text. */
  String text(List<String> names) {
    for (String name : names) {
      String value = scalar(fields.get(name));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The first of {@code names} that is present, as a list; null when none is. */
  List<String> list(List<String> names) {
    for (String name : names) {
      JsonNode node = fields.get(name);
      if (node == null || node.isNull()) {
        continue;
      }
      // A set keeps the first of each value in order, in linear time: records may list many thousands.
      Set<String> values = new LinkedHashSet<>();
      if (node.isArray()) {
        node.forEach(element -> add(values, listElement(element)));
      } else {
        String text = scalar(node);
        if (text != null) {
          Pattern separator = LIST_SEPARATOR.matcher(text).find() ? LIST_SEPARATOR : Pattern.compile(",");
          for (String part : separator.split(text)) {
            add(values, part.strip());
          }
        }
      }
      return List.copyOf(values);
    }
    return null;
  }

  /**
   * The stated facts. A date that cannot be read is reported as a warning at {@code where} and
   * left out: the article is still indexed, as undated.
   */
  Metadata metadata(String where, String dateBasis, IngestReport report) {
    ArticleDate date = Dates.parseOrWarn(text(DATE), dateBasis, where, report);
    return new Metadata(text(ID), text(TITLE), date, text(SOURCE), text(URL), list(TOPICS), list(ENTITIES));
  }

  /**
   * The record as an article: its text cleaned like a text file's, its title the record's or
   * derived from the lead sentence; empty, with the skip reported, when it has no text.
   */
  Optional<Article> article(String fallbackId, String where, TextCleaner cleaner, IngestReport report) {
    String raw = text(TEXT);
    String text = raw == null ? "" : String.join("\n\n", cleaner.paragraphs(raw.lines().toList()));
    if (text.isBlank()) {
      report.skip(SkipReason.NO_TEXT, where, "no text, body, content or description");
      return Optional.empty();
    }
    return Optional.of(metadata(where, "metadata", report).article(text, fallbackId, "metadata", where));
  }

  /**
   * One element of a list field. An object with a {@code type} keeps it as a prefix, so that
   * {@code {"name": "China", "type": "place"}} reaches enrichment as {@code place:China}.
   */
  private static String listElement(JsonNode element) {
    String name = scalar(element);
    if (name == null || !element.isObject()) {
      return name;
    }
    String type = scalar(element.get("type"));
    return type == null ? name : type + ":" + name;
  }

  private static String scalar(JsonNode node) {
    if (node == null || node.isNull() || node.isArray()) {
      return null;
    }
    if (node.isObject()) {
      return scalar(node.get("name"));
    }
    String text = node.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static void add(Set<String> values, String value) {
    if (value != null && !value.isEmpty()) {
      values.add(value);
    }
  }
}
