package newssearch.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newssearch.config.Directive;
import newssearch.config.DirectiveFile;

/**
 * The words that let the entity finder discover and type names the gazetteer does not know, from
 * {@code index-config/entity-cues.conf}: one cue kind and its words a line. The long list of
 * given names sits apart, one a line, in {@code index-config/given-names.txt}, and adds to the
 * {@code given-name} cues.
 */
public final class EntityCues {
  public static final String FILE = "entity-cues.conf";
  public static final String GIVEN_NAMES = "given-names.txt";
  static final List<String> KINDS = List.of(
      "person-title", "person-role", "person-verb", "person-after", "person-relation", "org-suffix", "org-head", "org-role", "org-after",
      "event-suffix", "place-suffix", "surname-suffix", "product-verb", "product-role", "club-role", "club-before", "club-after", "honorific", "greeting", "given-name", "connector", "function-word", "name-word", "not-name",
      "nationality-noun", "work-noun", "post-nominal");

  private final Map<String, Set<String>> words;

  EntityCues(Map<String, Set<String>> words) {
    this.words = words;
  }

  /** The cues of {@code configDir}; without the file there are none, and only known names are found. */
  public static EntityCues load(Path configDir) {
    Map<String, Set<String>> words = new HashMap<>();
    KINDS.forEach(k -> words.put(k, new HashSet<>()));
    Path file = configDir.resolve(FILE);
    if (!Files.exists(file)) {
      return new EntityCues(words);
    }
    for (Directive d : DirectiveFile.read(file)) {
      Set<String> set = words.get(d.key());
      if (set == null) {
        throw d.error("unknown cue kind '" + d.key() + "' (expected one of " + KINDS + ")");
      }
      set.addAll(Arrays.asList(d.value().split("\\s+")));
    }
    words.get("given-name").addAll(givenNames(configDir.resolve(GIVEN_NAMES)));
    return new EntityCues(words);
  }

  /** The names of {@code file}, one a line ({@code #} starts a comment); none without the file. */
  static List<String> givenNames(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (Directive d : DirectiveFile.read(file)) {
      String name = d.key();
      if (!d.value().isEmpty() || !name.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’')
          || !Character.isUpperCase(name.codePointAt(0))) {
        String line = d.value().isEmpty() ? name : name + " " + d.value();
        throw d.error("'" + line + "' is not a given name: one capitalised word a line (letters, hyphens and apostrophes)");
      }
      names.add(name);
    }
    return names;
  }

  /** Whether {@code word} is listed under {@code kind}. */
  boolean is(String kind, String word) {
    return words.get(kind).contains(word);
  }
}
