package newssearch.bench;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.search.DateBounds;
import newssearch.search.InvalidRequestException;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;

/**
 * One line of the benchmark's query list: a kind (a label to group results by) and the
 * parameters of {@code /api/search} as a query string, for example
 * {@code phrase	q="prime minister"}. Values may be percent-encoded; {@code +} is a space.
 */
record BenchQuery(String kind, String queryString, Map<String, List<String>> params) {

  BenchQuery {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Reads a query list: one query a line, kind and query string separated by a tab; {@code #} starts a comment line. */
  static List<BenchQuery> readList(Path file) throws IOException {
    List<BenchQuery> queries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      queries.add(parse(line, file + ":" + (i + 1)));
    }
    if (queries.isEmpty()) {
      throw new IllegalArgumentException(file + ": no queries");
    }
    return List.copyOf(queries);
  }

  static BenchQuery parse(String line, String where) {
    String[] parts = line.split("\t", 2);
    if (parts.length != 2 || parts[0].isBlank()) {
      throw new IllegalArgumentException(where + ": expected a kind, a tab, then a query string");
    }
    String queryString = parts[1].strip();
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : queryString.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(where + ": '" + pair + "' is not of the form name=value");
      }
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    BenchQuery query = new BenchQuery(parts[0].strip(), queryString, params);
    try {
      query.request();
    } catch (InvalidRequestException | NumberFormatException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
    return query;
  }

  /** The request {@code /api/search} makes of these parameters, with the same defaults. */
  SearchRequest request() {
    String q = one("q", "");
    String sort = one("sort", "");
    return new SearchRequest(
        q,
        QuerySyntax.fromParam(one("syntax", "")),
        all("topic"),
        all("entity"),
        DateBounds.from(one("from", null)),
        DateBounds.to(one("to", null)),
        sort.isBlank() ? (q.isBlank() ? SortOrder.NEWEST : SortOrder.RELEVANCE) : SortOrder.fromParam(sort),
        Integer.parseInt(one("page", "1")),
        Integer.parseInt(one("size", Integer.toString(SearchRequest.DEFAULT_SIZE))));
  }

  /** The path and percent-encoded query of this search on the server. */
  String httpPath() {
    StringBuilder path = new StringBuilder("/api/search");
    char sep = '?';
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      for (String v : e.getValue()) {
        path.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
        sep = '&';
      }
    }
    return path.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String one(String name, String fallback) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  private List<String> all(String name) {
    return params.getOrDefault(name, List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
