package newssearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code NAME.meta.json}, the metadata beside {@code NAME.txt}. Top-level fields apply to
 * every article of the file; for a digest, {@code articles} lists per-article facts in the order
 * the articles stand in the file.
 *
 * <pre>
 * {"source": "Digital Watch", "url": "https://…",
 *  "articles": [{"title": "…", "date": "2025-12-23", "date_precision": "day",
 *                "date_basis": "first reported on 23 Dec 2025"}, …]}
 * </pre>
 *
 * A date is in any form {@link Dates} reads ({@code 2025-12-23}, {@code 2025-12}, {@code 2025},
 * {@code 23 December 2025}, ...); {@code date_precision} ({@code day}, {@code month},
 * {@code year}) overrides the precision the form implies.
 * Fields ending in {@code _basis} record where a fact came from; they are kept for people and
 * not used by the engine.
 */
public final class MetadataFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUFFIX = ".meta.json";

  private final Metadata common;
  private final List<Metadata> perArticle;

  private MetadataFile(Metadata common, List<Metadata> perArticle) {
    this.common = common;
    this.perArticle = perArticle;
  }

  public static boolean isMetadataFile(Path file) {
    return file.getFileName().toString().endsWith(SUFFIX);
  }

  /** The metadata file beside {@code textFile}, which need not exist. */
  public static Path besides(Path textFile) {
    String name = textFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return textFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SUFFIX);
  }

  /** The metadata for {@code textFile}; none when there is no file, with a warning when it is broken. */
  public static MetadataFile forText(Path textFile, IngestReport report) {
    Path file = besides(textFile);
    if (!Files.isRegularFile(file)) {
      return new MetadataFile(Metadata.NONE, List.of());
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      if (root == null || !root.isObject()) {
        report.warn(file + ": ignored, not a JSON object");
        return new MetadataFile(Metadata.NONE, List.of());
      }
      List<Metadata> perArticle = new ArrayList<>();
      for (JsonNode article : root.path("articles")) {
        perArticle.add(parse(article, file, report));
      }
      return new MetadataFile(parse(root, file, report), perArticle);
    } catch (JsonProcessingException e) {
      // Jackson's stream limits (nesting depth, number and string length) give no location.
      String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : ":" + e.getLocation().getLineNr();
      report.warn(file + line + ": ignored, malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      report.warn(file + ": ignored, cannot be read: " + e.getMessage());
    }
    return new MetadataFile(Metadata.NONE, List.of());
  }

  /** Facts for the article at {@code position} (0-based) of the file. */
  public Metadata forArticle(int position) {
    return position < perArticle.size() ? common.overriddenBy(perArticle.get(position)) : common;
  }

  static Metadata parse(JsonNode node, Path file, IngestReport report) {
    Metadata meta = RecordFields.of(node).metadata(file.toString(), "metadata", report);
    String precision = text(node, "date_precision");
    if (meta.date() == null || precision == null) {
      return meta;
    }
    ArticleDate date = new ArticleDate(meta.date().day(), precision(precision, meta.date().precision()), "metadata");
    return meta.overriddenBy(new Metadata(null, null, date, null, null, null, null));
  }

  private static DatePrecision precision(String text, DatePrecision fallback) {
    try {
      return DatePrecision.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
  }
}
