package newssearch.web;

import io.javalin.http.Context;
import java.util.List;
import newssearch.search.DateBounds;
import newssearch.search.InvalidRequestException;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;

/** Reads the query parameters of {@code /api/search} into a validated {@link SearchRequest}. */
final class SearchParams {
  private SearchParams() {}

  static SearchRequest read(Context ctx) {
    String q = one(ctx, "q", "");
    SortOrder sort = ctx.queryParam("sort") == null || ctx.queryParam("sort").isBlank()
        ? (q.isBlank() ? SortOrder.NEWEST : SortOrder.RELEVANCE)
        : SortOrder.fromParam(ctx.queryParam("sort"));
    return new SearchRequest(
        q,
        QuerySyntax.fromParam(one(ctx, "syntax", "")),
        values(ctx, "topic"),
        values(ctx, "entity"),
        DateBounds.from(ctx.queryParam("from")),
        DateBounds.to(ctx.queryParam("to")),
        sort,
        integer(ctx, "page", 1),
        integer(ctx, "size", SearchRequest.DEFAULT_SIZE));
  }

  private static String one(Context ctx, String name, String fallback) {
    String v = ctx.queryParam(name);
    return v == null ? fallback : v;
  }

  private static List<String> values(Context ctx, String name) {
    return ctx.queryParams(name).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static int integer(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("bad_parameter", name + " must be a whole number, not '" + v + "'");
    }
  }
}
