package newssearch.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits with the facet counts of all matches. Field names are the JSON API's (in
 * snake case on the wire). {@code partial} is true when the time budget ran out and the hits and
 * counts cover only the documents searched by then; {@code indexVersion} and {@code generatedAt}
 * let a result be cited and reproduced; {@code matching} says whether every word was required
 * (null for an empty or Lucene-syntax query).
 */
public record SearchResult(
    String query,
    long total,
    boolean totalExact,
    int page,
    int size,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String suggestion,
    boolean partial,
    String indexVersion,
    String generatedAt,
    Matching matching) {

  /** A result that says nothing of how its words were matched. */
  public SearchResult(String query, long total, boolean totalExact, int page, int size, long tookMs, List<Hit> hits,
      Map<String, List<FacetValue>> facets, String suggestion, boolean partial, String indexVersion, String generatedAt) {
    this(query, total, totalExact, page, size, tookMs, hits, facets, suggestion, partial, indexVersion, generatedAt, null);
  }

  /** One matching article. {@code snippets} and {@code titleHtml} are escaped HTML with {@code <mark>}. */
  public record Hit(
      String id,
      String title,
      String titleHtml,
      String date,
      String datePrecision,
      String source,
      String url,
      List<String> topics,
      List<EntityRef> entities,
      float score,
      List<String> snippets,
      String indexedAt) {}

  /** An entity as hits list it. */
  public record EntityRef(String name, String type) {}

  /**
   * One facet value with its count. {@code label} is set for topics, {@code type} for entities;
   * the other is null and left out of the JSON.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record FacetValue(String value, String label, String type, long count, boolean selected) {}
}
