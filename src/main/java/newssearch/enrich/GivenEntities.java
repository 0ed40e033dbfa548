package newssearch.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.ingest.Article;

/** Merges the names the corpus metadata gives an article with the entities found in its text. */
final class GivenEntities {
  private final GazetteerLookup lookup;
  private final EntityCues cues;
  private final CueTypes types;

  GivenEntities(GazetteerLookup lookup, EntityCues cues, CueTypes types) {
    this.lookup = lookup;
    this.cues = cues;
    this.types = types;
  }

  /**
   * Adds the names the corpus metadata gives ({@link Article#entities()}) to those found in the
   * text; each is marked {@link Entity#given()} and not {@link Entity#discovered()}.
   *
   * <ul>
   *   <li>A name the gazetteer knows, by any alias ("NVIDIA", "U.S."), becomes its canonical entity
   *       with its type, merged with that entity found in the text. A {@code type:} prefix that
   *       contradicts the gazetteer ("person:Jordan") means another bearer of the name: the name
   *       is kept as written, with the prefixed type.
   *   <li>Any other name is kept as written, merged with a name found in the text under the same
   *       spelling; otherwise its mentions are where the text has its words in order, outside
   *       names already found.
   *   <li>Its type is the prefixed one ({@link GivenName}); else the gazetteer's; else the one the
   *       text gives the same name; else what the name finder's cues make of the name alone
   *       ("Acme Technologies": org, "Jane Example": person, "Quorvia Summit": event); else
   *       {@value #GIVEN_TYPE}, because organisations are the names cues least often type and
   *       people and places are the ones they, or the gazetteer, most often do.
   *   <li>A name the text never mentions is still kept, with no mentions.
   * </ul>
   */
  List<Entity> withGiven(List<Entity> found, List<String> given, List<FieldWords> fields) {
    Map<String, Entity> byName = new LinkedHashMap<>();
    found.forEach(e -> byName.put(e.name(), e));
    for (String value : given) {
      GivenName name = GivenName.parse(value);
      if (name != null) {
        Entity entity = given(name, byName, fields);
        byName.put(entity.name(), entity);
      }
    }
    return new ArrayList<>(byName.values());
  }

  /** The type of a given name that nothing else types. */
  static final String GIVEN_TYPE = "org";

  private Entity given(GivenName given, Map<String, Entity> byName, List<FieldWords> fields) {
    List<Token> tokens = Token.tokenize(given.name());
    Gazetteer.Name known = known(tokens, given.type());
    // A partial alias ("Trump") stands for its person only when the text names that person.
    boolean canonical = known != null && (!known.partial() || byName.containsKey(known.canonical()));
    String name = canonical ? known.canonical() : given.name();
    Entity inText = byName.get(name);
    String type = given.type() != null ? given.type()
        : known != null ? known.type()
        : inText != null ? inText.type()
        : typeByCues(given.name());
    List<Mention> mentions = inText != null ? inText.mentions() : mentionsOf(tokens, fields, byName.values());
    String origin = inText != null ? inText.origin() : Entity.GIVEN;
    return new Entity(name, type == null ? GIVEN_TYPE : type, false, mentions, true, origin);
  }

  /** The gazetteer's meaning of exactly these words, if it has the wanted type (any when null). */
  private Gazetteer.Name known(List<Token> tokens, String type) {
    GazetteerMatch m = tokens.isEmpty() ? null : lookup.longestAt(tokens, 0);
    if (m == null || m.end != tokens.size() || (type != null && !type.equals(m.name.type()))) {
      return null;
    }
    return m.name;
  }

  /** The type the name finder's cues give {@code name} standing alone, or null. */
  private String typeByCues(String name) {
    FieldWords words = new FieldWords("given", name, lookup, cues);
    return words.size() == 0 ? null : types.type(words, 0, words.size());
  }

  /** Where the fields have the words of {@code name} in order, outside the mentions of {@code found}. */
  private static List<Mention> mentionsOf(List<Token> name, List<FieldWords> fields, Collection<Entity> found) {
    List<Mention> mentions = new ArrayList<>();
    for (FieldWords w : fields) {
      for (int i = 0; !name.isEmpty() && i + name.size() <= w.size(); i++) {
        if (sameWords(w.tokens, i, name)) {
          Mention m = new Mention(w.field, w.at(i).start(), w.at(i + name.size() - 1).end());
          if (!overlaps(m, found)) {
            mentions.add(m);
          }
          i += name.size() - 1;
        }
      }
    }
    return mentions;
  }

  private static boolean sameWords(List<Token> tokens, int at, List<Token> name) {
    for (int k = 0; k < name.size(); k++) {
      if (!Arrays.asList(Gazetteer.keys(tokens.get(at + k).key())).contains(name.get(k).key())) {
        return false;
      }
    }
    return true;
  }

  private static boolean overlaps(Mention m, Collection<Entity> found) {
    for (Entity e : found) {
      for (Mention other : e.mentions()) {
        if (other.field().equals(m.field()) && other.start() < m.end() && m.start() < other.end()) {
          return true;
        }
      }
    }
    return false;
  }
}
