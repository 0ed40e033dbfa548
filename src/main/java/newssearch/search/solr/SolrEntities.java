package newssearch.search.solr;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import newssearch.search.EntityCatalog;
import newssearch.search.EntityValue;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * Every entity of the collection with its type and the number of articles naming it, most named
 * first, read with one facet request and kept until the alias points at another collection: what
 * entity facet search and completion look in, as in the embedded engine.
 */
final class SolrEntities {
  /** The catalog of one collection. */
  private record Catalog(String collection, List<EntityValue> values) {}

  private final AtomicReference<Catalog> catalog = new AtomicReference<>();

  /** A facet request of every entity, or null when {@code collection}'s catalog is already known. */
  ModifiableSolrParams requestIfStale(String collection) {
    Catalog c = catalog.get();
    if (c != null && c.collection().equals(collection)) {
      return null;
    }
    return new ModifiableSolrParams().set("q", "*:*").set("rows", 0)
        .set("json.facet", "{\"e\":{\"type\":\"terms\",\"field\":\"" + SolrFields.ENTITY_PATH + "\",\"limit\":-1}}");
  }

  /** Keeps the catalog read from a response to {@link #requestIfStale}. */
  void read(String collection, NamedList<Object> response) throws IOException {
    List<EntityValue> values = new ArrayList<>();
    if (response.get("facets") instanceof NamedList<?> facets && facets.get("e") instanceof NamedList<?> e
        && e.get("buckets") instanceof List<?> buckets) {
      for (Object o : buckets) {
        NamedList<?> b = (NamedList<?>) o;
        String path = String.valueOf(b.get("val"));
        int slash = path.indexOf('/');
        values.add(new EntityValue(path.substring(slash + 1), path.substring(0, slash), ((Number) b.get("count")).longValue()));
      }
    }
    values.sort(Comparator.comparingLong((EntityValue v) -> -v.count()).thenComparing(EntityValue::value));
    catalog.set(new Catalog(collection, List.copyOf(values)));
  }

  /**
   * Values with a word starting with {@code prefix} (case and accents ignored), of one of
   * {@code types} if any are given, most named first.
   */
  List<EntityValue> search(String prefix, List<String> types, int limit) {
    return EntityCatalog.search(catalog.get().values(), prefix, types, limit);
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }
}
