package newssearch.enrich;

import java.util.Locale;

/**
 * A name the corpus metadata states for an article, as written there. It may carry its type as a
 * prefix, {@code type:Name} ("person:Jensen Huang", "org:Acme"), with one of
 * {@link Gazetteer#TYPES}; any other text before a colon is part of the name ("Re:Invent").
 *
 * @param name the name, spaces collapsed
 * @param type the prefixed type, or null when none was given
 */
record GivenName(String name, String type) {
  /** The name {@code value} states, or null when it states none (blank, or a bare prefix). */
  static GivenName parse(String value) {
    if (value == null) {
      return null;
    }
    String name = value.strip();
    String type = null;
    int colon = name.indexOf(':');
    if (colon > 0) {
      String prefix = name.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (Gazetteer.TYPES.contains(prefix)) {
        type = prefix;
        name = name.substring(colon + 1).strip();
      }
    }
    name = name.replaceAll("\\s+", " ");
    return name.isEmpty() ? null : new GivenName(name, type);
  }
}
