package newssearch.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated news archive for the page's tests: articles spread over {@link #FIRST_YEAR} to
 * {@link #LAST_YEAR}, naming {@link #ENTITIES} people and organisations (a few often, most rarely,
 * as in real archives), some dated only to the month, with taxonomy topics and folder-style topics.
 * The same seed always writes the same file.
 */
final class ArchiveCorpus {
  static final int FIRST_YEAR = 1999;
  static final int LAST_YEAR = 2024;
  static final int ARTICLES = 700;
  static final int ENTITIES = 520;
  /** Only articles of these years mention the regatta: a query whose matches span six years. */
  static final int REGATTA_FROM = 2010;
  static final int REGATTA_TO = 2015;

  private static final String[] GIVEN = {"Anna", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro",
      "Ingrid", "Jonas", "Kemal", "Lucia", "Marta", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Stefan", "Tomas"};
  private static final String[] FAMILY = {"Abbott", "Brenner", "Castell", "Dorsey", "Eklund", "Falk", "Garrido",
      "Holm", "Ivers", "Jansen", "Kowal", "Lindqvist", "Moreau", "Novak", "Ortega", "Pruitt", "Quist", "Ruiz",
      "Sorensen", "Tanaka", "Ulrich", "Vance", "Weber", "Yilmaz", "Zeller"};
  private static final String[] ORG_WORDS = {"Harbour", "Granite", "Meridian", "Northwind", "Solace", "Tideway"};
  private static final String[] ORG_KINDS = {"Shipping", "Mining", "Bank", "Telecom", "Foods"};
  private static final String[] TOPICS = {"ports", "mining", "markets", "economy"};
  private static final String[] WORDS = {"council", "harbour", "budget", "vote", "river", "market", "school",
      "bridge", "festival", "court", "tariff", "railway", "election", "factory", "storm", "museum"};

  private ArchiveCorpus() {}

  /** Every entity name: people first (given × family names), then organisations. */
  static List<String> entityNames() {
    List<String> names = new ArrayList<>();
    for (String family : FAMILY) {
      for (String given : GIVEN) {
        names.add("person:" + given + " " + family);
      }
    }
    for (String word : ORG_WORDS) {
      for (String kind : ORG_KINDS) {
        names.add("org:" + word + " " + kind);
      }
    }
    return names.subList(0, ENTITIES);
  }

  /** Writes the archive as one JSON Lines file in {@code dir} and returns the folder. */
  static Path write(Path dir, long seed) {
    Random random = new Random(seed);
    List<String> entities = entityNames();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < ARTICLES; i++) {
      int year = FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
      int month = 1 + random.nextInt(12);
      boolean monthOnly = i % 5 == 0;
      String date = monthOnly ? String.format(Locale.ROOT, "%d-%02d", year, month)
          : String.format(Locale.ROOT, "%d-%02d-%02d", year, month, 1 + random.nextInt(28));
      // Every entity is named at least once (article i names entity i), a few very often.
      List<String> named = new ArrayList<>();
      named.add(entities.get(i % entities.size()));
      named.add(entities.get(random.nextInt(8)));
      named.add(entities.get(random.nextInt(entities.size())));
      List<String> plain = named.stream().map(n -> n.substring(n.indexOf(':') + 1)).distinct().toList();
      String word = WORDS[random.nextInt(WORDS.length)];
      String other = WORDS[random.nextInt(WORDS.length)];
      String title = capital(word) + " report " + (i + 1) + " names " + plain.get(0);
      String text = plain.get(0) + " spoke about the " + word + " and the " + other + ". "
          + String.join(" and ", plain) + " were named in the report. The " + word + " plan was debated again."
          + (year >= REGATTA_FROM && year <= REGATTA_TO ? " The regatta went ahead." : "");
      String topic = TOPICS[random.nextInt(TOPICS.length)];
      out.append(String.format(Locale.ROOT,
          "{\"id\": \"archive-%04d\", \"title\": \"%s\", \"text\": \"%s\", \"date\": \"%s\", \"source\": \"%s\", "
              + "\"topics\": [\"%s\"], \"entities\": [%s]}%n",
          i + 1, title, text, date, i % 3 == 0 ? "Archive Wire" : "Daily Ledger", topic,
          String.join(", ", named.stream().distinct().map(n -> "\"" + n + "\"").toList())));
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("archive.jsonl"), out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
