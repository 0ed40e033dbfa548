package newssearch.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import newssearch.config.ConfigException;
import newssearch.config.DirectiveFile;

/**
 * Known names, from {@code index-config/entities.tsv}: canonical name, type and aliases, a tab
 * between columns and {@code |} between aliases. Names are stored as token sequences in a trie so
 * that one pass over a text finds the longest name at each position.
 *
 * <p>Names match as written, letter case included, so "US" is not "us" and "Apple" is not "apple";
 * a word printed all in capitals ("NVIDIA") also matches its capitalised form ("Nvidia"). A
 * one-word alias of a person ("Trump") is partial: it counts only in an article that names the
 * person in full. The line {@code @countries} adds every country the JDK knows, by its English
 * name, unless a line of the file already gives that name; the line {@code @places} adds the towns
 * and cities of {@code places.txt} the same way, and the line {@code @organisations} the clubs,
 * companies and brands of {@code organisations.txt}. The cues of {@code entity-cues.conf},
 * for names the file does not list, are loaded with it.
 */
public final class Gazetteer {
  public static final String FILE = "entities.tsv";
  public static final Set<String> TYPES = Set.of("person", "org", "place", "product", "event");
  static final String COUNTRIES = "@countries";
  /** The line that adds the towns and cities of {@link #PLACES_FILE}. */
  static final String PLACES = "@places";
  public static final String PLACES_FILE = "places.txt";
  /** The line that adds the organisations of {@link #ORGANISATIONS_FILE}. */
  static final String ORGANISATIONS = "@organisations";
  public static final String ORGANISATIONS_FILE = "organisations.txt";

  /**
   * A known name: what it stands for, whether it is a partial name that needs the full name
   * elsewhere in the article, and whether it is only a name of {@link #PLACES_FILE} or
   * {@link #ORGANISATIONS_FILE}, which other readings of the same words may beat (a club, a
   * person's surname, a longer name).
   */
  record Name(String canonical, String type, boolean partial, boolean listed) {}

  static final class Node {
    final Map<String, Node> next = new HashMap<>();
    Name name;
  }

  private final Node root = new Node();
  private final EntityCues cues;
  private ModelNameFinder model;
  private int size;

  /** An empty gazetteer with the given cues for discovering names. */
  public Gazetteer(EntityCues cues) {
    this.cues = cues;
  }

  /** The trained name finder of the configuration ({@link ModelNameFinder#FILE}), or null when it has none. */
  public ModelNameFinder model() {
    return model;
  }

  /** The cues for names the gazetteer does not know. */
  public EntityCues cues() {
    return cues;
  }

  public static Gazetteer load(Path configDir) {
    Path file = configDir.resolve(FILE);
    Gazetteer gazetteer = new Gazetteer(EntityCues.load(configDir));
    gazetteer.model = ModelNameFinder.load(configDir);
    boolean countries = false;
    boolean places = false;
    boolean organisations = false;
    List<String> lines = DirectiveFile.lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      if (line.strip().equals(COUNTRIES)) {
        countries = true;
        continue;
      }
      if (line.strip().equals(PLACES)) {
        places = true;
        continue;
      }
      if (line.strip().equals(ORGANISATIONS)) {
        organisations = true;
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length < 2 || cols[0].isBlank()) {
        throw new ConfigException(file, i + 1, "expected: name<TAB>type<TAB>aliases");
      }
      String type = cols[1].strip();
      if (!TYPES.contains(type)) {
        throw new ConfigException(file, i + 1, "unknown type '" + type + "' (expected one of " + TYPES + ")");
      }
      String canonical = cols[0].strip();
      gazetteer.add(canonical, canonical, type);
      if (cols.length > 2) {
        for (String alias : cols[2].split("\\|")) {
          if (!alias.isBlank()) {
            gazetteer.add(alias.strip(), canonical, type);
          }
        }
      }
    }
    if (countries) {
      gazetteer.addCountries();
    }
    if (places) {
      gazetteer.addList(configDir.resolve(PLACES_FILE), "place");
    }
    if (organisations) {
      gazetteer.addList(configDir.resolve(ORGANISATIONS_FILE), "org");
    }
    return gazetteer;
  }

  /**
   * The names of a list file, one a line, as {@code type}: the towns and cities of
   * {@link #PLACES_FILE} or the clubs, companies and brands of {@link #ORGANISATIONS_FILE}, where
   * neither the lines of {@link #FILE}, the countries nor an earlier list already give the name a
   * meaning ("Leicester" stays as listed there; "Basingstoke" comes from here). They are listed
   * names: they give way to a longer name around them ("Porto Alegre", "Mitsubishi Tokyo Financial
   * Group") and, a town, to other readings of its words.
   */
  private void addList(Path file, String type) {
    List<String> lines = DirectiveFile.lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String name = lines.get(i).strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      if (name.indexOf('\t') >= 0 || !Character.isUpperCase(name.codePointAt(0)) || !add(name, name, type, true)) {
        throw new ConfigException(file, i + 1, "'" + name + "' is not a name: one capitalised name a line");
      }
    }
  }

  /** The English names of the JDK's ISO countries; names the file gave keep their meaning. */
  private void addCountries() {
    for (String code : Locale.getISOCountries()) {
      String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
      if (!name.isBlank() && !name.equals(code) && lookup(Token.tokenize(name)) == null) {
        add(name, name, "place");
      }
    }
  }

  /** Adds a name; the first meaning given to an alias is kept. */
  public void add(String alias, String canonical, String type) {
    add(alias, canonical, type, false);
  }

  /** Adds a name as {@link #add(String, String, String)} does; false when it has no words to match. */
  private boolean add(String alias, String canonical, String type, boolean listed) {
    List<Token> tokens = Token.tokenize(alias);
    if (tokens.isEmpty()) {
      return false;
    }
    Node node = root;
    for (Token t : tokens) {
      node = node.next.computeIfAbsent(t.key(), k -> new Node());
    }
    if (node.name == null) {
      boolean partial = type.equals("person") && tokens.size() == 1 && !alias.equals(canonical);
      node.name = new Name(canonical, type, partial, listed);
      size++;
    }
    return true;
  }

  private Name lookup(List<Token> tokens) {
    Node node = root;
    for (Token t : tokens) {
      node = node.next.get(t.key());
      if (node == null) {
        return null;
      }
    }
    return node.name;
  }

  public int size() {
    return size;
  }

  Node root() {
    return root;
  }

  /**
   * The trie keys a word of a text may match: itself, and for a word in capitals longer than
   * three letters ("NVIDIA", "HUAWEI") also its capitalised form.
   */
  static String[] keys(String key) {
    if (key.length() > 3 && key.equals(key.toUpperCase(Locale.ROOT)) && Character.isLetter(key.charAt(1))) {
      return new String[] {key, key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT)};
    }
    return new String[] {key};
  }
}
