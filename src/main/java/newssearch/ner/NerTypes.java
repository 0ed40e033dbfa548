package newssearch.ner;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The three name types the trained finder and the evaluation know, and how corpus tags and the
 * engine's entity types map to them.
 */
public final class NerTypes {
  private NerTypes() {}

  public static final Set<String> TAGS = Set.of("PER", "ORG", "LOC");

  /**
   * Tag names of annotated corpora, by their upper-case spelling. WNUT-17 splits organisations into
   * corporations and groups (teams, bands, parties); both are organisations here.
   */
  private static final Map<String, String> CORPUS = Map.ofEntries(
      Map.entry("PER", "PER"), Map.entry("PERSON", "PER"), Map.entry("ORG", "ORG"), Map.entry("ORGANIZATION", "ORG"),
      Map.entry("ORGANISATION", "ORG"), Map.entry("CORPORATION", "ORG"), Map.entry("GROUP", "ORG"),
      Map.entry("LOC", "LOC"), Map.entry("LOCATION", "LOC"), Map.entry("GPE", "LOC"));

  private static final Map<String, String> ENGINE = Map.of("person", "PER", "org", "ORG", "place", "LOC");
  private static final Map<String, String> TO_ENGINE = Map.of("PER", "person", "ORG", "org", "LOC", "place");

  /** PER, ORG or LOC for a corpus tag's type ("person", "B-PER" without its prefix), or null for others (MISC). */
  public static String ofCorpus(String type) {
    return CORPUS.get(type.toUpperCase(Locale.ROOT));
  }

  /** PER, ORG or LOC for an engine type (person, org, place), or null (product, event). */
  public static String ofEngine(String type) {
    return type == null ? null : ENGINE.get(type);
  }

  /** The engine type (person, org, place) of PER, ORG or LOC. */
  public static String toEngine(String tag) {
    return TO_ENGINE.get(tag);
  }
}
