package newssearch.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import newssearch.index.Schema;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Every entity of one index generation with its type and the number of articles naming it, most
 * named first: what facet search and completion look in.
 */
public final class EntityCatalog {
  private final List<EntityValue> values;

  private EntityCatalog(List<EntityValue> values) {
    this.values = values;
  }

  /** The catalog of {@code counts}, the facet counts of every article of a generation. */
  static EntityCatalog of(Facets counts) throws IOException {
    List<EntityValue> values = new ArrayList<>();
    for (LabelAndValue type : children(counts)) {
      for (LabelAndValue name : children(counts, type.label)) {
        values.add(new EntityValue(name.label, type.label, name.value.longValue()));
      }
    }
    values.sort(Comparator.comparingLong((EntityValue v) -> -v.count()).thenComparing(EntityValue::value));
    return new EntityCatalog(List.copyOf(values));
  }

  List<EntityValue> all() {
    return values;
  }

  /**
   * Values with a word starting with {@code prefix} (case and accents ignored), of one of
   * {@code types} if any are given, most named first.
   */
  List<EntityValue> search(String prefix, List<String> types, int limit) {
    return search(values, prefix, types, limit);
  }

  /**
   * The entity values among {@code values}, in their order, with a word starting with
   * {@code prefix} (case and accents ignored) and of one of {@code types} if any are given:
   * the facet search of every engine.
   */
  public static List<EntityValue> search(java.util.Collection<EntityValue> values, String prefix, List<String> types,
      int limit) {
    String p = fold(prefix.strip());
    return values.stream()
        .filter(v -> types.isEmpty() || types.contains(v.type()))
        .filter(v -> p.isEmpty() || hasWordStartingWith(fold(v.value()), p))
        .limit(limit)
        .toList();
  }

  private static boolean hasWordStartingWith(String name, String prefix) {
    if (name.startsWith(prefix)) {
      return true;
    }
    for (String word : name.split("[^\\p{L}\\p{N}]+")) {
      if (word.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String fold(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  private static List<LabelAndValue> children(Facets counts, String... path) throws IOException {
    FacetResult result;
    try {
      result = counts.getAllChildren(Schema.ENTITY, path);
    } catch (IllegalArgumentException | NullPointerException e) {
      // An index without the dimension: Lucene throws, for a hierarchical one a NullPointerException.
      return List.of();
    }
    return result == null ? List.of() : List.of(result.labelValues);
  }
}
