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
 */
public final class Gazetteer {
  public static final String FILE = "entities.tsv";
  public static final Set<String> TYPES = Set.of("person", "org", "place", "product", "event");

  /** A known name: what it stands for, and whether letter case must match. */
  record Name(String canonical, String type, boolean caseSensitive) {}

  static final class Node {
    final Map<String, Node> next = new HashMap<>();
    final List<Name> names = new ArrayList<>();
  }

  private final Node root = new Node();
  private int size;

  public static Gazetteer load(Path configDir) {
    Path file = configDir.resolve(FILE);
    Gazetteer gazetteer = new Gazetteer();
    List<String> lines = DirectiveFile.lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.strip().startsWith("#")) {
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
    return gazetteer;
  }

  /** Adds a name; a name written all in capitals matches only in capitals. */
  public void add(String alias, String canonical, String type) {
    List<Token> tokens = Token.tokenize(alias);
    if (tokens.isEmpty()) {
      return;
    }
    boolean caseSensitive = alias.equals(alias.toUpperCase(Locale.ROOT)) || alias.length() <= 3;
    Node node = root;
    for (Token t : tokens) {
      node = node.next.computeIfAbsent(fold(t.key(), caseSensitive), k -> new Node());
    }
    node.names.add(new Name(canonical, type, caseSensitive));
    size++;
  }

  public int size() {
    return size;
  }

  Node root() {
    return root;
  }

  static String fold(String key, boolean caseSensitive) {
    return caseSensitive ? "=" + key : "~" + key.toLowerCase(Locale.ROOT);
  }
}
