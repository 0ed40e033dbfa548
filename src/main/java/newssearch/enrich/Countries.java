package newssearch.enrich;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The names of countries, as the rules tell a country from a town. */
final class Countries {
  private Countries() {}

  /**
   * Countries (and the nations of the United Kingdom): in parentheses after a player they give
   * nationality, not a club, and a national side is written as its country. The JDK's English
   * names, and the names news uses where the JDK writes another ("Turkey" for "Türkiye").
   */
  private static final Set<String> NAMES = names();

  private static Set<String> names() {
    Set<String> names = new HashSet<>(Set.of("England", "Scotland", "Wales", "Northern Ireland", "United States", "United Kingdom",
        "Britain", "Great Britain", "Turkey", "Czech Republic", "Ivory Coast", "Burma", "Macedonia", "Swaziland", "Congo",
        "Democratic Republic of Congo", "East Timor", "Palestine", "Holland"));
    for (String code : Locale.getISOCountries()) {
      names.add(Locale.of("", code).getDisplayCountry(Locale.ENGLISH));
    }
    return names;
  }

  /** Whether {@code name} is a country's name. */
  static boolean contains(String name) {
    return NAMES.contains(name);
  }
}
