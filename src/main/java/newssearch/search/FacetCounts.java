package newssearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import newssearch.enrich.Taxonomy;
import newssearch.index.Schema;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Reads the facet counts of one search into the API's shape: {@code topic} and {@code source} by
 * count, {@code entity} by count across types (only the requested types when {@code entity_type}
 * is given), {@code date} by month in time order, and {@code year} too when the matches span more
 * than two years. Values the request selected are always listed, with a count of zero if need
 * be, so a filter can be seen and removed. Each facet lists at most {@code facet_size} values
 * besides the selected ones.
 */
final class FacetCounts {
  /** Every value of a dimension, in no particular order. */
  private static final int ALL = -1;

  /** Years are listed when the matches span more than this many. */
  static final int YEARS_SHOWN_BEYOND = 2;

  private final Facets facets;
  private final Taxonomy taxonomy;
  private final int size;

  FacetCounts(Facets facets, Taxonomy taxonomy, int size) {
    this.facets = facets;
    this.taxonomy = taxonomy;
    this.size = size;
  }

  Map<String, List<SearchResult.FacetValue>> all(SearchRequest request) throws IOException {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    out.put("topic", topics(request.topics()));
    out.put("entity", entities(request.entities(), request.entityTypes()));
    out.put("date", inTimeOrder(Schema.MONTH));
    out.put("source", plain(Schema.SOURCE, request.sources()));
    List<SearchResult.FacetValue> years = inTimeOrder(Schema.YEAR);
    if (yearSpan(years) > YEARS_SHOWN_BEYOND) {
      out.put("year", years);
    }
    return out;
  }

  /** How many calendar years lie between the first and the last dated value, both included. */
  private static int yearSpan(List<SearchResult.FacetValue> years) {
    List<Integer> dated = years.stream().map(SearchResult.FacetValue::value)
        .filter(v -> !v.equals(Schema.UNDATED)).map(Integer::parseInt).toList();
    return dated.isEmpty() ? 0 : dated.get(dated.size() - 1) - dated.get(0) + 1;
  }

  private List<SearchResult.FacetValue> topics(List<String> selected) throws IOException {
    List<SearchResult.FacetValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LabelAndValue lv : children(Schema.TOPIC, size)) {
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

  private List<SearchResult.FacetValue> entities(List<String> selected, List<String> types) throws IOException {
    List<LabelAndValue> entityTypes = new ArrayList<>();
    for (LabelAndValue type : children(Schema.ENTITY, ALL)) {
      if (types.isEmpty() || types.contains(type.label)) {
        entityTypes.add(type);
      }
    }
    if (selected.isEmpty()) {
      List<SearchResult.FacetValue> candidates = mostCountedOfEachType(entityTypes);
      if (candidates != null) {
        return mostCounted(candidates, size);
      }
    }
    List<SearchResult.FacetValue> values = new ArrayList<>();
    for (LabelAndValue type : entityTypes) {
      for (LabelAndValue name : children(Schema.ENTITY, ALL, type.label)) {
        values.add(new SearchResult.FacetValue(name.label, null, type.label, name.value.longValue(), selected.contains(name.label)));
      }
    }
    List<SearchResult.FacetValue> top = mostCounted(values, size);
    for (String s : selected) {
      if (top.stream().noneMatch(v -> v.value().equals(s))) {
        SearchResult.FacetValue known = values.stream().filter(v -> v.value().equals(s)).findFirst().orElse(null);
        top.add(known != null ? known : new SearchResult.FacetValue(s, null, null, 0, true));
      }
    }
    return top;
  }

  /**
   * The {@code size} most counted names of each type, in type order: a list whose
   * {@link #mostCounted} equals that of every name, without reading the labels of the many names
   * not shown. Lucene breaks ties of count by label bytes, which is the order of
   * {@link String#compareTo} unless a tied label holds a character from U+D800 up; then null, and
   * the caller reads every name.
   */
  private List<SearchResult.FacetValue> mostCountedOfEachType(List<LabelAndValue> types) throws IOException {
    List<SearchResult.FacetValue> candidates = new ArrayList<>();
    for (LabelAndValue type : types) {
      List<LabelAndValue> top = children(Schema.ENTITY, size, type.label);
      long lowest = top.size() < size ? -1 : top.get(top.size() - 1).value.longValue();
      for (LabelAndValue name : top) {
        if (name.value.longValue() == lowest && name.label.chars().anyMatch(c -> c >= 0xD800)) {
          return null;
        }
        candidates.add(new SearchResult.FacetValue(name.label, null, type.label, name.value.longValue(), false));
      }
    }
    return candidates;
  }

  /**
   * The first {@code n} of {@code values} by count, most first, then by value, then in list
   * order: what sorting the whole list would give, without sorting the many values not shown.
   */
  static List<SearchResult.FacetValue> mostCounted(List<SearchResult.FacetValue> values, int n) {
    Comparator<Integer> order = Comparator.comparingLong((Integer i) -> -values.get(i).count())
        .thenComparing(i -> values.get(i).value())
        .thenComparingInt(i -> i);
    PriorityQueue<Integer> kept = new PriorityQueue<>(order.reversed());
    for (int i = 0; i < values.size() && n > 0; i++) {
      if (kept.size() < n) {
        kept.add(i);
      } else if (order.compare(i, kept.peek()) < 0) {
        kept.poll();
        kept.add(i);
      }
    }
    List<Integer> shown = new ArrayList<>(kept);
    shown.sort(order);
    List<SearchResult.FacetValue> top = new ArrayList<>(shown.size());
    shown.forEach(i -> top.add(values.get(i)));
    return top;
  }

  private List<SearchResult.FacetValue> inTimeOrder(String dim) throws IOException {
    List<SearchResult.FacetValue> values = new ArrayList<>();
    for (LabelAndValue lv : children(dim, ALL)) {
      values.add(new SearchResult.FacetValue(lv.label, null, null, lv.value.longValue(), false));
    }
    // Time order, with undated articles after every month.
    values.sort(Comparator.comparing((SearchResult.FacetValue v) -> v.value().equals(Schema.UNDATED))
        .thenComparing(SearchResult.FacetValue::value));
    return values;
  }

  private List<SearchResult.FacetValue> plain(String dim, List<String> selected) throws IOException {
    List<SearchResult.FacetValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LabelAndValue lv : children(dim, size)) {
      values.add(new SearchResult.FacetValue(lv.label, null, null, lv.value.longValue(), selected.contains(lv.label)));
      seen.add(lv.label);
    }
    for (String s : selected) {
      if (seen.add(s)) {
        values.add(new SearchResult.FacetValue(s, null, null, 0, true));
      }
    }
    return values;
  }

  /** The top children of a facet path; none when no document has the dimension. */
  private List<LabelAndValue> children(String dim, int n, String... path) throws IOException {
    FacetResult result;
    try {
      result = n == ALL ? facets.getAllChildren(dim, path) : facets.getTopChildren(n, dim, path);
    } catch (IllegalArgumentException | NullPointerException e) {
      // An index without the dimension: Lucene throws, for a hierarchical one a NullPointerException.
      return List.of();
    }
    return result == null ? List.of() : List.of(result.labelValues);
  }
}
