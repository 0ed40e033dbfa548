package newssearch.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import newssearch.search.ArticleSearcher;

/**
 * The response headers that let an export be cited and reproduced without a line of the table
 * given over to them: which index answered, when, how many matched, and the search itself as the
 * query string that asks {@code /api/search} for it again. Non-ASCII text is percent-encoded
 * (UTF-8), as header values are ASCII.
 */
final class ExportHeaders {
  static final String INDEX_VERSION = "X-Index-Version";
  static final String GENERATED_AT = "X-Generated-At";
  static final String TOTAL = "X-Total-Count";
  static final String PARTIAL = "X-Partial";
  static final String QUERY = "X-Query";
  static final String PARAMETERS = "X-Search-Parameters";
  /** What a page of another origin may read; Content-Disposition carries the file name. */
  static final List<String> NAMES = List.of(INDEX_VERSION, GENERATED_AT, TOTAL, PARTIAL, QUERY, PARAMETERS,
      "Content-Disposition");
  /** The parameters that choose what an export holds; paging does not, as an export has every match. */
  static final List<String> SEARCH_PARAMETERS = List.of("q", "syntax", "sort", "topic", "entity", "entity_type",
      "source", "from", "to");

  private ExportHeaders() {}

  static Map<String, String> of(ArticleSearcher.Export export, Map<String, List<String>> queryParams) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Disposition", "attachment; filename=\"news-search-" + stem(export.query()) + "-"
        + export.indexVersion() + ".csv\"");
    headers.put(INDEX_VERSION, export.indexVersion());
    headers.put(GENERATED_AT, export.generatedAt());
    headers.put(TOTAL, String.valueOf(export.total()));
    headers.put(PARTIAL, String.valueOf(export.partial()));
    headers.put(QUERY, encode(export.query()));
    headers.put(PARAMETERS, parameters(queryParams));
    return headers;
  }

  /** The search parameters as a query string, in a fixed order: {@code q=china&topic=economy}. */
  static String parameters(Map<String, List<String>> queryParams) {
    StringJoiner out = new StringJoiner("&");
    for (String name : SEARCH_PARAMETERS) {
      for (String value : queryParams.getOrDefault(name, List.of())) {
        if (!value.isEmpty()) {
          out.add(name + "=" + encode(value));
        }
      }
    }
    return out.toString();
  }

  /** Percent-encoding of UTF-8, spaces as {@code %20}. */
  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A file-name-safe word or two of the query: letters and digits of ASCII, dashes between. */
  static String stem(String query) {
    String words = query.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (words.length() > 40) {
      words = words.substring(0, 40).replaceAll("-+$", "");
    }
    return words.isEmpty() ? "all" : words;
  }
}
