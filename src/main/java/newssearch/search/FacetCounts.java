package newssearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newssearch.enrich.Taxonomy;
import newssearch.index.Schema;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Reads the facet counts of one search into the API's shape: {@code topic} and {@code source} by
 * count, {@code entity} by count across types, {@code date} by month in time order. Values the
 * request selected are always listed, with a count of zero if need be, so a filter can be seen
 * and removed.
 */
final class FacetCounts {
  static final int DEFAULT_SIZE = 20;

  private final Facets facets;
  private final Taxonomy taxonomy;

  FacetCounts(Facets facets, Taxonomy taxonomy) {
    this.facets = facets;
    this.taxonomy = taxonomy;
  }

  Map<String, List<SearchResult.FacetValue>> all(SearchRequest request) throws IOException {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    out.put("topic", topics(request.topics()));
    out.put("entity", entities(request.entities()));
    out.put("date", months());
    out.put("source", plain(Schema.SOURCE, Set.of()));
    return out;
  }

  private List<SearchResult.FacetValue> topics(List<String> selected) throws IOException {
    List<SearchResult.FacetValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LabelAndValue lv : children(Schema.TOPIC, Integer.MAX_VALUE)) {
      values.add(topic(lv.label, lv.value.longValue(), selected));
      seen.add(lv.label);
    }
    for (String s : selected) {
      if (seen.add(s)) {
        values.add(topic(s, 0, selected));
      }
    }
    return values;
  }

  private SearchResult.FacetValue topic(String id, long count, List<String> selected) {
    String label = taxonomy.topic(id).map(t -> t.label()).orElse(id);
    return new SearchResult.FacetValue(id, label, null, count, selected.contains(id));
  }

  private List<SearchResult.FacetValue> entities(List<String> selected) throws IOException {
    List<SearchResult.FacetValue> values = new ArrayList<>();
    for (LabelAndValue type : children(Schema.ENTITY, Integer.MAX_VALUE)) {
      for (LabelAndValue name : children(Schema.ENTITY, DEFAULT_SIZE, type.label)) {
        values.add(new SearchResult.FacetValue(name.label, null, type.label, name.value.longValue(), selected.contains(name.label)));
      }
    }
    values.sort(Comparator.comparingLong((SearchResult.FacetValue v) -> -v.count()).thenComparing(SearchResult.FacetValue::value));
    List<SearchResult.FacetValue> top = new ArrayList<>(values.subList(0, Math.min(DEFAULT_SIZE, values.size())));
    for (String s : selected) {
      if (top.stream().noneMatch(v -> v.value().equals(s))) {
        SearchResult.FacetValue known = values.stream().filter(v -> v.value().equals(s)).findFirst().orElse(null);
        top.add(known != null ? known : new SearchResult.FacetValue(s, null, null, 0, true));
      }
    }
    return top;
  }

  private List<SearchResult.FacetValue> months() throws IOException {
    List<SearchResult.FacetValue> values = new ArrayList<>();
    for (LabelAndValue lv : children(Schema.MONTH, Integer.MAX_VALUE)) {
      values.add(new SearchResult.FacetValue(lv.label, null, null, lv.value.longValue(), false));
    }
    // Time order, with undated articles after every month.
    values.sort(Comparator.comparing((SearchResult.FacetValue v) -> v.value().equals(Schema.UNDATED))
        .thenComparing(SearchResult.FacetValue::value));
    return values;
  }

  private List<SearchResult.FacetValue> plain(String dim, Set<String> selected) throws IOException {
    List<SearchResult.FacetValue> values = new ArrayList<>();
    for (LabelAndValue lv : children(dim, DEFAULT_SIZE)) {
      values.add(new SearchResult.FacetValue(lv.label, null, null, lv.value.longValue(), selected.contains(lv.label)));
    }
    return values;
  }

  /** The top children of a facet path; none when no document has the dimension. */
  private List<LabelAndValue> children(String dim, int n, String... path) throws IOException {
    FacetResult result;
    try {
      result = facets.getTopChildren(n, dim, path);
    } catch (IllegalArgumentException | NullPointerException e) {
      // Lucene 10.6 throws NullPointerException, not IllegalArgumentException, for a
      // hierarchical dimension (entity) that no document of the index has.
      return List.of();
    }
    return result == null ? List.of() : List.of(result.labelValues);
  }
}
