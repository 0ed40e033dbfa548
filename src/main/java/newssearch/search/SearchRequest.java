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
 * @param entityTypes entity types; an article naming an entity of any of them passes, and the
 *     entity facet lists only these types
 * @param sources sources; an article from any of them passes
 * @param from first day, inclusive, or null
 * @param to last day, inclusive, or null
 * @param sort hit order
 * @param page 1-based page
 * @param size hits per page
 * @param facetSize most values listed per facet (selected values are always listed)
 * @param requireAll every word of the query must match, even when too few articles have them
 *     all (the API's {@code match=all}); otherwise the matching rules may relax the query
 * @param since only articles that arrived in the index after this instant, or null
 * @param allTopics an article must have every topic in {@code topics} (the API's
 *     {@code topic_match=all}); otherwise any one of them is enough
 */
public record SearchRequest(
    String query,
    QuerySyntax syntax,
    List<String> topics,
    List<String> entities,
    List<String> entityTypes,
    List<String> sources,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size,
    int facetSize,
    boolean requireAll,
    java.time.Instant since,
    boolean allTopics) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  public static final int MAX_WINDOW = 10_000;
  public static final int DEFAULT_FACET_SIZE = 20;
  public static final int MAX_FACET_SIZE = 1000;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    syntax = syntax == null ? QuerySyntax.SIMPLE : syntax;
    topics = nonBlank(topics);
    entities = nonBlank(entities);
    entityTypes = nonBlank(entityTypes);
    sources = nonBlank(sources);
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
    if (facetSize < 1 || facetSize > MAX_FACET_SIZE) {
      throw new InvalidRequestException("bad_parameter",
          "facet_size must be between 1 and " + MAX_FACET_SIZE + ", not " + facetSize);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException("bad_parameter", "from (" + from + ") is after to (" + to + ")");
    }
  }

  /** A search where any one of the topics is enough. */
  public SearchRequest(String query, QuerySyntax syntax, List<String> topics, List<String> entities,
      List<String> entityTypes, List<String> sources, LocalDate from, LocalDate to, SortOrder sort, int page, int size,
      int facetSize, boolean requireAll, java.time.Instant since) {
    this(query, syntax, topics, entities, entityTypes, sources, from, to, sort, page, size, facetSize, requireAll, since,
        false);
  }

  /** A search that the matching rules may relax, of articles whatever their time of arrival. */
  public SearchRequest(String query, QuerySyntax syntax, List<String> topics, List<String> entities,
      List<String> entityTypes, List<String> sources, LocalDate from, LocalDate to, SortOrder sort, int page, int size,
      int facetSize) {
    this(query, syntax, topics, entities, entityTypes, sources, from, to, sort, page, size, facetSize, false, null);
  }

  /** A search of articles whatever their time of arrival. */
  public SearchRequest(String query, QuerySyntax syntax, List<String> topics, List<String> entities,
      List<String> entityTypes, List<String> sources, LocalDate from, LocalDate to, SortOrder sort, int page, int size,
      int facetSize, boolean requireAll) {
    this(query, syntax, topics, entities, entityTypes, sources, from, to, sort, page, size, facetSize, requireAll, null);
  }

  /** A search that the matching rules may relax. */
  public SearchRequest(String query, QuerySyntax syntax, List<String> topics, List<String> entities,
      List<String> entityTypes, List<String> sources, LocalDate from, LocalDate to, SortOrder sort, int page, int size,
      int facetSize, java.time.Instant since) {
    this(query, syntax, topics, entities, entityTypes, sources, from, to, sort, page, size, facetSize, false, since);
  }

  /** A search without entity type or source filters and with the default facet size. */
  public SearchRequest(String query, QuerySyntax syntax, List<String> topics, List<String> entities,
      LocalDate from, LocalDate to, SortOrder sort, int page, int size) {
    this(query, syntax, topics, entities, List.of(), List.of(), from, to, sort, page, size, DEFAULT_FACET_SIZE);
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

  /** The same search with another query text: what a spelling suggestion would run. */
  public SearchRequest withQuery(String otherQuery) {
    return new SearchRequest(otherQuery, syntax, topics, entities, entityTypes, sources, from, to, sort, page, size, facetSize,
        requireAll, since, allTopics);
  }

  /** The same search in another order. */
  public SearchRequest withSort(SortOrder otherSort) {
    return new SearchRequest(query, syntax, topics, entities, entityTypes, sources, from, to, otherSort, page, size, facetSize,
        requireAll, since, allTopics);
  }

  /** The same search on another page of another size. */
  public SearchRequest withPage(int otherPage, int otherSize) {
    return new SearchRequest(query, syntax, topics, entities, entityTypes, sources, from, to, sort, otherPage, otherSize, facetSize,
        requireAll, since, allTopics);
  }

  /** The same search with every word required (or not). */
  public SearchRequest withRequireAll(boolean all) {
    return new SearchRequest(query, syntax, topics, entities, entityTypes, sources, from, to, sort, page, size, facetSize, all,
        since, allTopics);
  }
}
