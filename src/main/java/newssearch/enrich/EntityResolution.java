package newssearch.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the names a scan found into entities: shares types between mentions of one name, types
 * names in lists and by surnames, and resolves short mentions ("McCourt", "Mr Howard") to the full
 * name they stand for.
 */
final class EntityResolution {
  // Compiled once: String.matches and split compile their pattern on every call.
  private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
  private static final Pattern WORD_BREAKS = Pattern.compile("[\\s-]+");
  private static final Pattern CONJUNCTION = Pattern.compile(",? ?(and|or)");
  private final List<Found> found;
  private final List<Lone> lone;
  private final Map<String, String> texts;
  private final EntityCues cues;
  private final Set<String> givenNames = new HashSet<>();

  EntityResolution(List<Found> found, List<Lone> lone, Map<String, String> texts, EntityCues cues) {
    this.cues = cues;
    for (Found f : found) {
      if (!f.severalWords() && cues.is("given-name", f.name)) {
        givenNames.add(f.name);
      }
    }
    this.found = found;
    this.lone = lone;
    this.texts = texts;
  }

  List<Entity> entities() {
    dropWorks();
    typeBySurname();
    shareTypes();
    typeLists();
    shareTypes();
    Set<String> fullPersons = new HashSet<>();
    Map<String, Found> bySurname = new HashMap<>();
    Map<String, Found> byFirstName = new HashMap<>();
    Map<String, Found> oneWord = new HashMap<>();
    for (Found f : found) {
      if ("person".equals(f.type) && !f.partial && f.severalWords()) {
        fullPersons.add(f.name);
        bySurname.putIfAbsent(f.lastWord(), f);
        byFirstName.putIfAbsent(f.firstWord(), f);
      }
      if (f.type != null && f.discovered && !f.severalWords()) {
        oneWord.putIfAbsent(f.name, f);
      }
    }
    Map<String, Found> orgHeads = new HashMap<>();
    for (Found f : found) {
      if ("org".equals(f.type) && f.discovered) {
        int cut = f.name.indexOf(f.severalWords() ? ' ' : '.');
        if (cut > 0) {
          orgHeads.putIfAbsent(f.name.substring(0, cut), f);
        }
      }
    }
    Map<String, Found> byInitials = new HashMap<>();
    for (Found f : found) {
      if ("org".equals(f.type) && f.severalWords()) {
        String initials = initials(f.name);
        if (initials.length() >= 2) {
          byInitials.putIfAbsent(initials, f);
        }
      }
    }
    List<Found> kept = new ArrayList<>();
    for (Found f : found) {
      Found full = null;
      boolean model = Entity.MODEL.equals(f.origin);
      if (f.listed && "place".equals(f.type) && !f.severalWords() && bySurname.containsKey(f.name)) {
        full = bySurname.get(f.name); // "Livingstone" where the article names Ken Livingstone
      } else if (f.listed && !f.severalWords() && "org".equals(f.type) && orgHeads.containsKey(f.name)) {
        full = orgHeads.get(f.name); // "Mitsubishi" where the article names Mitsubishi Tokyo Financial Group
      } else if (f.discovered && !f.severalWords()) {
        full = "person".equals(f.type) ? bySurname.get(f.name) : "org".equals(f.type) ? orgHeads.get(f.name) : null;
        if (full == null && model && "person".equals(f.type)) {
          full = byFirstName.get(f.name); // "Nigel" where the article names Nigel Farage
        }
        if (full == null && ACRONYM.matcher(f.name).matches()) {
          full = byInitials.get(f.name); // "UKIP" where the article names the UK Independence Party
        }
      }
      if (full != null) {
        kept.add(new Found(f.field, f.start, f.end, full.name, full.type, full.discovered, false, full.origin));
      } else if (model && "person".equals(f.type) && !f.severalWords() && givenNames.contains(f.name)) {
        continue; // a first name alone names no one in particular
      } else if (f.type != null && (!f.partial || fullPersons.contains(f.name))) {
        kept.add(f);
      }
    }
    for (Lone l : lone) {
      Found target = bySurname.get(l.key());
      if (target == null && l.honorific()) {
        target = byFirstName.get(l.key());
      }
      if (target == null) {
        target = oneWord.get(l.key());
      }
      if (target != null && !covered(kept, l)) {
        kept.add(new Found(l.field(), l.start(), l.end(), target.name, target.type, target.discovered, false, target.origin));
      } else if (target == null && l.honorific()) {
        kept.add(new Found(l.field(), l.start(), l.end(), l.key(), "person", true, false));
      }
    }
    return group(kept);
  }

  /**
   * The initials of an organisation's name, as its acronym would spell them: the first letter of
   * each word, all of a word in capitals ("UK Independence Party": UKIP), without "of", "the",
   * "and", "for" ("Motion Picture Association of America": MPAA).
   */
  static String initials(String name) {
    StringBuilder initials = new StringBuilder();
    for (String word : WORD_BREAKS.split(name)) {
      if (word.isEmpty() || Set.of("of", "the", "and", "for", "&").contains(word)) {
        continue;
      }
      if (!Character.isUpperCase(word.codePointAt(0))) {
        return "";
      }
      initials.append(word.chars().allMatch(c -> Character.isUpperCase(c) || c == '.') ? word.replace(".", "") : word.substring(0, 1));
    }
    return initials.toString();
  }

  /** Every place a name is found gets the type of its first typed place. */
  private void shareTypes() {
    Map<String, String> types = new HashMap<>();
    for (Found f : found) {
      if (f.club) {
        types.put(f.name, f.type); // one sense per article: a town that is a club once is the club throughout
      }
    }
    for (Found f : found) {
      if (f.type != null) {
        types.putIfAbsent(f.name, f.type);
      }
    }
    found.forEach(f -> f.type = types.get(f.name));
  }

  /**
   * A discovered name written right after a word for a work is the work's title ("the film Vera
   * Drake", "the album American Idiot"): no person, organisation or place, in any of its
   * mentions ("Imelda Staunton (Vera Drake)"). The gazetteer's names stay: it knows what they are.
   */
  private void dropWorks() {
    Set<String> works = new HashSet<>();
    for (Found f : found) {
      String text = texts.get(f.field);
      int wordEnd = f.start - 1;
      // An acronym after such a word is more often a new sentence the text forgot to stop
      // ("a downloaded movie NEC is showing a phone").
      if (f.discovered && wordEnd > 0 && text.charAt(wordEnd) == ' ' && !f.name.equals(f.name.toUpperCase(Locale.ROOT))) {
        int wordStart = wordEnd;
        while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
          wordStart--;
        }
        if (cues.is("work-noun", text.substring(wordStart, wordEnd))) {
          works.add(f.name);
        }
      }
    }
    found.removeIf(f -> f.discovered && works.contains(f.name));
  }

  /** An untyped name in a list with a typed one ("A, B and C") takes its type. */
  private void typeLists() {
    for (int round = 0; round < 2; round++) {
      // Towns of the list of places first, so that a surname among them ("Jonny Wilkinson,
      // Greenwood, Mike Tindall") is a person before its neighbours take a type from it.
      for (int i = 0; i < found.size(); i++) {
        if (found.get(i).listed && "place".equals(found.get(i).type)) {
          townAmongOthers(i);
        }
      }
      for (int i = 0; i < found.size(); i++) {
        Found f = found.get(i);
        if (f.type != null) {
          continue;
        }
        int[] line = lineList(i);
        if (line != null) {
          f.type = commonestType(line);
          continue;
        }
        for (int j : new int[] {i - 1, i + 1}) {
          if (j >= 0 && j < found.size() && found.get(j).type != null
              && inList(found.get(Math.min(i, j)), found.get(Math.max(i, j))) && conjunction(i)) {
            f.type = found.get(j).type;
            break;
          }
        }
      }
    }
  }

  /**
   * The type most names of a line list have, when at least two have it (names of the lists of
   * places and organisations left out: in a squad or a table a town is as often a club or a
   * surname); null when no type has a majority. A line of names is one kind of thing, so the
   * majority reads it better than the next name, which may be the one the rules got wrong.
   */
  private String commonestType(int[] list) {
    Map<String, Integer> counts = new HashMap<>();
    for (int k = list[0]; k <= list[1]; k++) {
      Found member = found.get(k);
      if (member.type != null && !member.listed) {
        counts.merge(member.type, 1, Integer::sum);
      }
    }
    int typed = counts.values().stream().mapToInt(Integer::intValue).sum();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= 2 && e.getValue() * 2 > typed) {
        return e.getKey();
      }
    }
    return null;
  }

  /**
   * A town of the list of places among names of one other type takes their type: the surname in
   * "Jonny Wilkinson, Greenwood, Mike Tindall", the club in "Chelsea, Arsenal and Burnley".
   */
  private void townAmongOthers(int i) {
    String type = null;
    for (int j : new int[] {i - 1, i + 1}) {
      if (j >= 0 && j < found.size() && inList(found.get(Math.min(i, j)), found.get(Math.max(i, j)))) {
        Found neighbour = found.get(j);
        if (neighbour.type == null || neighbour.listed) {
          continue;
        }
        if (neighbour.type.equals("place") || type != null && !type.equals(neighbour.type)) {
          return;
        }
        type = neighbour.type;
      }
    }
    if (type != null && aList(i)) {
      Found town = found.get(i);
      found.set(i, new Found(town.field, town.start, town.end, town.name, type, true, false)); // found by the rules now
    }
  }

  /** Whether the names around {@code found[i]} are a list, not an apposition ("Paris, Texas"). */
  private boolean aList(int i) {
    return conjunction(i) || lineList(i) != null;
  }

  /**
   * The first and last index of the names around {@code found[i]} when three or more of them,
   * separated by commas and "and", fill their line, as squads, tables and results print them
   * ("F Sheahan, M Horan, D O'Callaghan, E Miller."); null otherwise.
   */
  private int[] lineList(int i) {
    int first = i;
    while (first > 0 && inList(found.get(first - 1), found.get(first))) {
      first--;
    }
    int last = i;
    while (last + 1 < found.size() && inList(found.get(last), found.get(last + 1))) {
      last++;
    }
    if (last - first < 2) {
      return null;
    }
    String text = texts.get(found.get(first).field);
    int lineStart = text.lastIndexOf('\n', found.get(first).start - 1) + 1;
    int lineEnd = text.indexOf('\n', found.get(last).end);
    String before = text.substring(lineStart, found.get(first).start);
    String after = text.substring(found.get(last).end, lineEnd < 0 ? text.length() : lineEnd);
    return before.isBlank() && (after.isBlank() || after.strip().equals(".")) ? new int[] {first, last} : null;
  }

  /** Whether the list around {@code found[i]} has an "and" or "or": a list, not an apposition. */
  private boolean conjunction(int i) {
    for (int step : new int[] {-1, 1}) {
      for (int j = i; j + step >= 0 && j + step < found.size(); j += step) {
        Found a = found.get(Math.min(j, j + step));
        Found b = found.get(Math.max(j, j + step));
        if (!inList(a, b)) {
          break;
        }
        if (CONJUNCTION.matcher(texts.get(a.field).substring(a.end, b.start).strip()).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean inList(Found a, Found b) {
    if (!a.field.equals(b.field) || a.end > b.start) {
      return false;
    }
    String gap = texts.get(a.field).substring(a.end, b.start).strip();
    return gap.equals(",") || gap.equals("and") || gap.equals(", and") || gap.equals("or") || gap.equals(", or");
  }

  /** An untyped name whose last word stands alone as a person elsewhere ("Mr Howard", "said Yelling"). */
  private void typeBySurname() {
    Set<String> people = new HashSet<>();
    lone.stream().filter(l -> l.honorific() || l.speaker()).forEach(l -> people.add(l.key()));
    for (Found f : found) {
      if (f.type == null && f.severalWords() && people.contains(f.lastWord())) {
        f.type = "person";
      }
    }
  }

  private boolean covered(List<Found> kept, Lone l) {
    for (Found f : kept) {
      if (f.field.equals(l.field()) && f.start <= l.start() && l.end() <= f.end) {
        return true;
      }
    }
    return false;
  }

  private static List<Entity> group(List<Found> kept) {
    kept.sort((a, b) -> a.field.equals(b.field) ? Integer.compare(a.start, b.start) : a.field.equals("title") ? -1 : 1);
    Map<String, List<Mention>> mentions = new LinkedHashMap<>();
    Map<String, Found> firsts = new HashMap<>();
    for (Found f : kept) {
      mentions.computeIfAbsent(f.name, k -> new ArrayList<>()).add(new Mention(f.field, f.start, f.end));
      firsts.putIfAbsent(f.name, f);
    }
    List<Entity> entities = new ArrayList<>();
    mentions.forEach((name, where) -> {
      Found f = firsts.get(name);
      entities.add(new Entity(name, f.type, f.discovered, where, false, f.origin));
    });
    return entities;
  }
}
