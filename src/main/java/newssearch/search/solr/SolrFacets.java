package newssearch.search.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newssearch.enrich.Gazetteer;
import newssearch.enrich.Taxonomy;
import newssearch.index.Schema;
import newssearch.search.SearchRequest;
import newssearch.search.SearchResult.FacetValue;
import org.apache.solr.common.util.NamedList;

/**
 * Facets of a search as Solr JSON facets, read into the API's shape exactly as the embedded
 * engine builds it: {@code topic} and {@code source} by count, {@code entity} by count across
 * types, {@code date} by month in time order (undated last), and {@code year} when the matches
 * span more than two years. Each facet excludes its own filter's tag; selected values are always
 * listed. Terms facets with a limit are refined, so distributed counts are exact.
 */
final class SolrFacets {
  /** Years are listed when the matches span more than this many, as in the embedded engine. */
  static final int YEARS_SHOWN_BEYOND = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Taxonomy taxonomy;

  SolrFacets(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The {@code json.facet} parameter of a search. */
  static String request(SearchRequest request) {
    int size = request.facetSize();
    Map<String, Object> facets = new LinkedHashMap<>();
    // Topics (a taxonomy) and sources are few: counting every value keeps the top ones exact,
    // which a distributed top-N is not when a value ranks low on one shard and high overall.
    facets.put(Schema.TOPIC, terms(Schema.TOPIC, -1, SolrQueries.TAG_TOPIC, null));
    facets.put(Schema.SOURCE, terms(Schema.SOURCE, -1, SolrQueries.TAG_SOURCE, null));
    facets.put(Schema.MONTH, terms(Schema.MONTH, -1, SolrQueries.TAG_DATE, null));
    facets.put(Schema.YEAR, terms(Schema.YEAR, -1, null, null));
    if (!request.entities().isEmpty()) {
      // A selected name is listed with its count wherever it ranks: read every name, as Lucene does.
      facets.put(SolrFields.ENTITY_PATH, terms(SolrFields.ENTITY_PATH, -1, SolrQueries.TAG_ENTITY, null));
    } else {
      for (String type : Gazetteer.TYPES.stream().sorted().toList()) {
        if (request.entityTypes().isEmpty() || request.entityTypes().contains(type)) {
          facets.put("entity_" + type, terms(SolrFields.ENTITY_PATH, size, SolrQueries.TAG_ENTITY, type + "/"));
        }
      }
    }
    try {
      return JSON.writeValueAsString(facets);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> terms(String field, int limit, String excludeTag, String prefix) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("type", "terms");
    facet.put("field", field);
    facet.put("limit", limit);
    facet.put("mincount", 1);
    facet.put("sort", "count desc");
    if (limit > 0) {
      // Entity names are many: each shard sends far more candidates than shown, and the
      // candidates' counts are then completed from every shard.
      facet.put("refine", true);
      facet.put("overrequest", limit * 10 + 100);
    }
    if (prefix != null) {
      facet.put("prefix", prefix);
    }
    if (excludeTag != null) {
      facet.put("domain", Map.of("excludeTags", excludeTag));
    }
    return facet;
  }

  /** The API's facets from Solr's {@code facets} section. */
  Map<String, List<FacetValue>> read(NamedList<?> facets, SearchRequest request) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    out.put("topic", selectedKept(top(buckets(facets, Schema.TOPIC), request.facetSize()).stream()
        .map(b -> topic(b.value, b.count, request.topics())).toList(), request.topics(), v -> topic(v, 0, request.topics())));
    out.put("entity", entities(facets, request));
    out.put("date", inTimeOrder(buckets(facets, Schema.MONTH)));
    out.put("source", selectedKept(top(buckets(facets, Schema.SOURCE), request.facetSize()).stream()
        .map(b -> new FacetValue(b.value, null, null, b.count, request.sources().contains(b.value))).toList(),
        request.sources(), v -> new FacetValue(v, null, null, 0, true)));
    List<FacetValue> years = inTimeOrder(buckets(facets, Schema.YEAR));
    if (yearSpan(years) > YEARS_SHOWN_BEYOND) {
      out.put("year", years);
    }
    return out;
  }

  private FacetValue topic(String id, long count, List<String> selected) {
    String label = taxonomy.topic(id).map(t -> t.label()).orElse(id);
    return new FacetValue(id, label, null, count, selected.contains(id));
  }

  private static List<FacetValue> entities(NamedList<?> facets, SearchRequest request) {
    List<FacetValue> values = new ArrayList<>();
    List<Bucket> paths = new ArrayList<>();
    if (!request.entities().isEmpty()) {
      paths.addAll(buckets(facets, SolrFields.ENTITY_PATH));
    } else {
      for (String type : Gazetteer.TYPES.stream().sorted().toList()) {
        paths.addAll(buckets(facets, "entity_" + type));
      }
    }
    for (Bucket b : paths) {
      int slash = b.value.indexOf('/');
      String type = b.value.substring(0, slash);
      if (request.entityTypes().isEmpty() || request.entityTypes().contains(type)) {
        String name = b.value.substring(slash + 1);
        values.add(new FacetValue(name, null, type, b.count, request.entities().contains(name)));
      }
    }
    List<FacetValue> top = mostCounted(values, request.facetSize());
    for (String s : request.entities()) {
      if (top.stream().noneMatch(v -> v.value().equals(s))) {
        FacetValue known = values.stream().filter(v -> v.value().equals(s)).findFirst().orElse(null);
        top.add(known != null ? known : new FacetValue(s, null, null, 0, true));
      }
    }
    return top;
  }

  /** The first {@code n} by count, most first, then by value: the embedded engine's order. */
  static List<FacetValue> mostCounted(List<FacetValue> values, int n) {
    List<FacetValue> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingLong((FacetValue v) -> -v.count()).thenComparing(FacetValue::value));
    return new ArrayList<>(sorted.subList(0, Math.min(n, sorted.size())));
  }

  private static List<FacetValue> selectedKept(List<FacetValue> counted, List<String> selected,
      java.util.function.Function<String, FacetValue> absent) {
    List<FacetValue> values = new ArrayList<>(counted);
    Set<String> seen = new HashSet<>();
    counted.forEach(v -> seen.add(v.value()));
    for (String s : selected) {
      if (seen.add(s)) {
        values.add(absent.apply(s));
      }
    }
    return values;
  }

  private static List<FacetValue> inTimeOrder(List<Bucket> buckets) {
    List<FacetValue> values = new ArrayList<>();
    for (Bucket b : buckets) {
      values.add(new FacetValue(b.value, null, null, b.count, false));
    }
    values.sort(Comparator.comparing((FacetValue v) -> v.value().equals(Schema.UNDATED)).thenComparing(FacetValue::value));
    return values;
  }

  private static int yearSpan(List<FacetValue> years) {
    List<Integer> dated = years.stream().map(FacetValue::value)
        .filter(v -> !v.equals(Schema.UNDATED)).map(Integer::parseInt).toList();
    return dated.isEmpty() ? 0 : dated.get(dated.size() - 1) - dated.get(0) + 1;
  }

  private record Bucket(String value, long count) {}

  /** The first {@code n} buckets, which Solr sorted by count and then by value. */
  private static List<Bucket> top(List<Bucket> buckets, int n) {
    return buckets.subList(0, Math.min(n, buckets.size()));
  }

  private static List<Bucket> buckets(NamedList<?> facets, String name) {
    if (facets == null || !(facets.get(name) instanceof NamedList<?> facet)) {
      return List.of();
    }
    Object list = facet.get("buckets");
    if (!(list instanceof List<?> buckets)) {
      return List.of();
    }
    List<Bucket> out = new ArrayList<>();
    for (Object o : buckets) {
      if (o instanceof NamedList<?> b) {
        out.add(new Bucket(String.valueOf(b.get("val")), ((Number) b.get("count")).longValue()));
      }
    }
    return out;
  }
}
