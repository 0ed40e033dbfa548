package newssearch.search;

import java.util.Locale;

/** How the {@code q} parameter is read. */
public enum QuerySyntax {
  /** The search box: words, "phrases", -exclude, OR, prefix*; never fails to parse. */
  SIMPLE,
  /** Full Lucene syntax; a query that does not parse is rejected with where and why. */
  LUCENE;

  public static QuerySyntax fromParam(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "simple", "" -> SIMPLE;
      case "lucene" -> LUCENE;
      default -> throw new InvalidRequestException("bad_parameter", "syntax must be simple or lucene, not '" + value + "'");
    };
  }
}
