package newssearch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one hostile record from stopping an index run. Every article passes here before it is
 * indexed; what the index cannot hold is cut down or the record skipped, with a warning that
 * names the record's file and line:
 *
 * <ul>
 *   <li>an id longer than {@value #MAX_ID_BYTES} UTF-8 bytes: the record is skipped (a shortened
 *       id could collide with another, and Lucene refuses terms over 32,766 bytes);
 *   <li>an id made of dots only ({@code .}, {@code ..}): browsers read it in a URL path as a
 *       step to the same or the parent folder, even percent-encoded, so the article could not be
 *       opened at {@code /api/articles/{id}}; it gets the prefix {@code id} ({@code id..});
 *   <li>a source, topic or entity longer than {@value #MAX_KEYWORD_CHARS} characters is
 *       shortened (facet paths are limited to 8,191 characters, terms to 32,766 bytes);
 *   <li>more entities than {@link IngestRules#maxEntitiesPerRecord()}: the first ones are kept;
 *   <li>a date outside {@link IngestRules#earliestYear()}..{@link IngestRules#latestYear()}: the
 *       article is indexed as undated.
 * </ul>
 */
public final class ArticleLimits {
  public static final int MAX_ID_BYTES = 1000;
  public static final int MAX_KEYWORD_CHARS = 500;

  private final IngestRules rules;

  public ArticleLimits(IngestRules rules) {
    this.rules = rules;
  }

  /** The article as the index can hold it; empty, with the skip reported, when it cannot be indexed. */
  public Optional<Article> check(Article a, IngestReport report) {
    String where = a.origin();
    int idBytes = a.id().getBytes(StandardCharsets.UTF_8).length;
    if (idBytes > MAX_ID_BYTES) {
      report.skip(SkipReason.MALFORMED, where, "an id of " + idBytes + " bytes, the limit is " + MAX_ID_BYTES);
      return Optional.empty();
    }
    String id = urlSafeId(a.id());
    if (!id.equals(a.id())) {
      report.warn(where + ": id '" + a.id() + "' cannot stand in a URL; indexed as '" + id + "'");
    }
    String source = shortened(a.source(), "source", where, report);
    List<String> topics = shortened(a.topics(), "topic", where, report);
    List<String> entities = a.entities();
    if (entities.size() > rules.maxEntitiesPerRecord()) {
      report.warn(where + ": " + entities.size() + " entities, kept the first " + rules.maxEntitiesPerRecord()
          + " (max-entities-per-record in " + IngestRules.FILE + ")");
      entities = entities.subList(0, rules.maxEntitiesPerRecord());
    }
    entities = shortened(entities, "entity", where, report);
    ArticleDate date = a.date();
    if (date != null && !rules.plausibleYear(date.day().getYear())) {
      report.warn(where + ": date " + date.day() + " is outside " + rules.earliestYear() + "-" + rules.latestYear()
          + " (date-range in " + IngestRules.FILE + "); indexed as undated");
      date = null;
    }
    return Optional.of(new Article(id, a.title(), a.titleOrigin(), a.text(), date, source, a.url(), topics, a.origin(),
        entities));
  }

  /** {@code id} as a path segment that no browser reads as a folder step ({@code /} is encoded as %2F). */
  static String urlSafeId(String id) {
    return id.chars().allMatch(c -> c == '.') ? "id" + id : id;
  }

  private static List<String> shortened(List<String> values, String what, String where, IngestReport report) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(shortened(v, what, where, report));
    }
    return out;
  }

  private static String shortened(String value, String what, String where, IngestReport report) {
    if (value.length() <= MAX_KEYWORD_CHARS) {
      return value;
    }
    int end = MAX_KEYWORD_CHARS;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    report.warn(where + ": " + what + " of " + value.length() + " characters shortened to " + end);
    return value.substring(0, end).strip();
  }
}
