package newssearch.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import newssearch.search.DateBounds;
import newssearch.search.InvalidRequestException;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;

/** Reads query parameters into validated requests; a bad value is a 400 naming the parameter. */
final class SearchParams {
  private SearchParams() {}

  /** The parameters of {@code /api/search} and {@code /api/search.csv}. */
  static SearchRequest read(Context ctx) {
    String q = text(ctx, "q", "");
    SortOrder sort = text(ctx, "sort", "").isBlank()
        ? (q.isBlank() ? SortOrder.NEWEST : SortOrder.RELEVANCE)
        : SortOrder.fromParam(ctx.queryParam("sort"));
    return new SearchRequest(
        q,
        QuerySyntax.fromParam(text(ctx, "syntax", "")),
        values(ctx, "topic"),
        values(ctx, "entity"),
        values(ctx, "entity_type"),
        values(ctx, "source"),
        DateBounds.from(ctx.queryParam("from")),
        DateBounds.to(ctx.queryParam("to")),
        sort,
        integer(ctx, "page", 1),
        integer(ctx, "size", SearchRequest.DEFAULT_SIZE),
        integer(ctx, "facet_size", SearchRequest.DEFAULT_FACET_SIZE),
        requireAll(text(ctx, "match", "")),
        instant(ctx, "since"),
        allTopics(text(ctx, "topic_match", "")));
  }

  /** {@code topic_match=all}: an article must have every topic asked for; empty or {@code any}: one is enough. */
  static boolean allTopics(String topicMatch) {
    return switch (topicMatch.strip()) {
      case "", "any" -> false;
      case "all" -> true;
      default -> throw new InvalidRequestException("bad_parameter",
          "topic_match must be any or all, not '" + topicMatch + "'");
    };
  }

  /** {@code match=all}: every word required, never relaxed; empty or {@code auto}: the matching rules decide. */
  static boolean requireAll(String match) {
    return switch (match.strip()) {
      case "", "auto" -> false;
      case "all" -> true;
      default -> throw new InvalidRequestException("bad_parameter", "match must be all or auto, not '" + match + "'");
    };
  }

  /** An ISO instant ({@code 2026-01-05T10:00:00Z}, or with an offset); null when absent. */
  static Instant instant(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("bad_parameter",
          name + " must be an ISO date and time with a zone, like 2026-01-05T10:00:00Z, not '" + v + "'");
    }
  }

  static String text(Context ctx, String name, String fallback) {
    String v = ctx.queryParam(name);
    return v == null ? fallback : v;
  }

  static List<String> values(Context ctx, String name) {
    return ctx.queryParams(name).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /** A whole number parameter; {@code fallback} when absent. */
  static int integer(Context ctx, String name, int fallback) {
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

  /** A whole number parameter between {@code min} and {@code max}; {@code fallback} when absent. */
  static int integer(Context ctx, String name, int fallback, int min, int max) {
    int n = integer(ctx, name, fallback);
    if (n < min || n > max) {
      throw new InvalidRequestException("bad_parameter", name + " must be between " + min + " and " + max + ", not " + n);
    }
    return n;
  }
}
