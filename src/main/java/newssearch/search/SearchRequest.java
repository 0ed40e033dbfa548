package newssearch.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated search: what to match, how to filter, how to order and which page.
 *
 * @param query the user's query; empty matches every article
 * @param syntax how the query is read
 * @param topics topic ids; an article with any of them passes
 * @param entities canonical entity names; an article with any of them passes
 * @param from first day, inclusive, or null
 * @param to last day, inclusive, or null
 * @param sort hit order
 * @param page 1-based page
 * @param size hits per page
 */
public record SearchRequest(
    String query,
    QuerySyntax syntax,
    List<String> topics,
    List<String> entities,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  public static final int MAX_WINDOW = 10_000;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    syntax = syntax == null ? QuerySyntax.SIMPLE : syntax;
    topics = nonBlank(topics);
    entities = nonBlank(entities);
    if (page < 1) {
      throw new InvalidRequestException("bad_parameter", "page must be 1 or more, not " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException("bad_parameter", "size must be between 1 and " + MAX_SIZE + ", not " + size);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw new InvalidRequestException("bad_parameter",
          "page × size must be at most " + MAX_WINDOW + "; narrow the search instead of paging this deep");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException("bad_parameter", "from (" + from + ") is after to (" + to + ")");
    }
  }

  /** A blank filter value filters nothing; facet paths must not be empty. */
  private static List<String> nonBlank(List<String> values) {
    return values.stream().filter(v -> !v.isBlank()).toList();
  }

  /** Everything, newest first: what an empty search box shows. */
  public static SearchRequest browse() {
    return new SearchRequest("", QuerySyntax.SIMPLE, List.of(), List.of(), null, null, SortOrder.NEWEST, 1, DEFAULT_SIZE);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, QuerySyntax.SIMPLE, List.of(), List.of(), null, null,
        query == null || query.isBlank() ? SortOrder.NEWEST : SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
  }
}
