package newssearch.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import newssearch.ingest.Article;

/**
 * Finds the named entities of an article in one pass over its words.
 *
 * <ol>
 *   <li>Known names: the longest gazetteer name starting at each word, mapped to its canonical
 *       name. A partial person name ("Trump") counts only when the article also names the person
 *       in full ("Donald Trump").
 *   <li>Discovered names: runs of capitalised words that the gazetteer does not know, without the
 *       function words, titles and sentence openers around them, kept when a cue types them: a
 *       title ("Premier"), a role word before ("robotics firm"), a last word ("Technologies",
 *       "University", "Conference"), a speech verb after ("said"), or a list they stand in with
 *       a typed name ("Frank McCourt, Alexis Ohanian and Kevin O’Leary").
 *   <li>Short mentions: a lone surname of a person named in full ("McCourt"), or a lone name
 *       discovered elsewhere in the article.
 * </ol>
 *
 * Headline-style lines (most words capitalised) are searched for known names only.
 */
public final class EntityTagger {
  private final Gazetteer gazetteer;
  private final EntityCues cues;

  public EntityTagger(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.cues = gazetteer.cues();
  }

  public List<Entity> tag(Article article) {
    Scan scan = new Scan(article);
    scan.field("title", article.title());
    scan.field("text", article.text());
    return scan.entities();
  }

  /** A name found at one place: known (name set) or a discovered candidate (type may be null). */
  private static final class Found {
    final String field;
    final int start;
    final int end;
    final String name;
    String type;
    final boolean discovered;
    final boolean partial;
    final String lastKey;

    Found(String field, int start, int end, String name, String type, boolean discovered, boolean partial, String lastKey) {
      this.field = field;
      this.start = start;
      this.end = end;
      this.name = name;
      this.type = type;
      this.discovered = discovered;
      this.partial = partial;
      this.lastKey = lastKey;
    }
  }

  /** A lone capitalised word, which may be a short mention of a name found elsewhere. */
  private record Lone(String field, int start, int end, String key, boolean personCue) {}

  /** The state of one article's scan. */
  private final class Scan {
    final Set<String> lowerWords = new HashSet<>();
    final List<Found> found = new ArrayList<>();
    final List<Lone> lone = new ArrayList<>();
    final Map<String, String> texts = new HashMap<>();

    Scan(Article article) {
      for (String s : List.of(article.title(), article.text())) {
        for (Token t : Token.tokenize(s)) {
          if (Character.isLowerCase(t.text().codePointAt(0))) {
            lowerWords.add(t.text());
          }
        }
      }
    }

    void field(String field, String text) {
      texts.put(field, text);
      List<Token> tokens = Token.tokenize(text);
      boolean[] heading = headings(text, tokens);
      int i = 0;
      while (i < tokens.size()) {
        boolean numberedName = tokens.get(i).numeric() && i + 1 < tokens.size() && tokens.get(i + 1).capitalised()
            && spaced(text, tokens.get(i), tokens.get(i + 1));
        if (!nameWord(tokens.get(i)) && !numberedName && longestAt(tokens, i) == null) {
          i++;
          continue;
        }
        int end = run(text, tokens, i);
        pieces(field, text, tokens, i, end, heading[i]);
        i = end;
      }
    }

    /** The end (exclusive) of the run of name words that starts at {@code start}. */
    private int run(String text, List<Token> tokens, int start) {
      Match first = longestAt(tokens, start);
      int end = first != null ? first.end : start + 1;
      while (end < tokens.size() && spaced(text, tokens.get(end - 1), tokens.get(end))) {
        Token next = tokens.get(end);
        Match m = longestAt(tokens, end);
        if (m != null) {
          end = m.end;
        } else if (nameWord(next) || (next.numeric() && next.text().length() <= 4 && tokens.get(end - 1).capitalised())) {
          end++;
        } else if (cues.is("connector", next.text()) && end + 1 < tokens.size()
            && tokens.get(end + 1).capitalised() && spaced(text, next, tokens.get(end + 1))) {
          end += 2;
        } else {
          break;
        }
      }
      return end;
    }

    /** Splits a run at titles and function words into known names and candidates. */
    private void pieces(String field, String text, List<Token> tokens, int from, int to, boolean heading) {
      int i = from;
      int pieceStart = -1;
      boolean personTitle = false;
      Found lastKnown = null;
      while (i < to) {
        Token t = tokens.get(i);
        Match m = longestAt(tokens, i);
        boolean opener = i == from && sentenceStart(text, tokens, i);
        if (m != null && m.end == i + 1 && !heading && partOfLongerName(text, tokens, pieceStart < 0 ? i : pieceStart, i, to, personTitle)) {
          m = null;
        }
        if (m != null) {
          flush(field, text, tokens, pieceStart, i, personTitle, heading, lastKnown);
          pieceStart = -1;
          Found known = known(field, tokens, i, m);
          found.add(known);
          lastKnown = known;
          personTitle = false;
          i = m.end;
          continue;
        }
        boolean title = cues.is("person-title", t.text()) || (opener && cues.is("person-role", t.text().toLowerCase(Locale.ROOT)));
        boolean skip = title || cues.is("function-word", t.text()) || cues.is("not-name", t.text())
            || (opener && lowerWords.contains(t.text().toLowerCase(Locale.ROOT)));
        if (skip) {
          flush(field, text, tokens, pieceStart, i, personTitle, heading, lastKnown);
          pieceStart = -1;
          lastKnown = null;
          personTitle = title;
        } else if (pieceStart < 0) {
          pieceStart = i;
        }
        i++;
      }
      flush(field, text, tokens, pieceStart, to, personTitle, heading, lastKnown);
    }

    /**
     * Whether a one-word known name at {@code at} is part of a longer unknown name with the
     * capitalised words around it ("British Airways", "Eddie Jordan said"): only when cues type
     * the longer name.
     */
    private boolean partOfLongerName(String text, List<Token> tokens, int from, int at, int to, boolean personTitle) {
      int end = at + 1;
      while (end < to && candidateWord(tokens, end)) {
        end++;
      }
      if (from == at && end == at + 1) {
        return false;
      }
      return personTitle || type(text, tokens, from, end) != null;
    }

    private boolean candidateWord(List<Token> tokens, int i) {
      Token t = tokens.get(i);
      return nameWord(t) && longestAt(tokens, i) == null && !cues.is("person-title", t.text())
          && !cues.is("function-word", t.text()) && !cues.is("not-name", t.text());
    }

    private Found known(String field, List<Token> tokens, int i, Match m) {
      Token first = tokens.get(i);
      Token last = tokens.get(m.end - 1);
      Gazetteer.Name n = m.name;
      String lastKey = n.canonical().substring(n.canonical().lastIndexOf(' ') + 1);
      return new Found(field, first.start(), last.end(), n.canonical(), n.type(), false, n.partial(), lastKey);
    }

    /** Turns the candidate words {@code [from, to)} into a found name or a lone word. */
    private void flush(String field, String text, List<Token> tokens, int from, int to, boolean personTitle,
        boolean heading, Found before) {
      if (from < 0 || from >= to) {
        return;
      }
      while (to > from && (cues.is("connector", tokens.get(to - 1).text()))) {
        to--;
      }
      Token first = tokens.get(from);
      Token last = tokens.get(to - 1);
      if (to - from == 1 && !first.numeric()) {
        lone.add(new Lone(field, first.start(), first.end(), first.key(), personTitle));
        String type = oneWordType(text, tokens, from);
        if (type != null && !heading) {
          found.add(new Found(field, first.start(), first.end(), first.text(), type, true, false, first.key()));
        }
        return;
      }
      if (heading) {
        return;
      }
      String type = personTitle ? "person" : type(text, tokens, from, to);
      while (from < to && tokens.get(from).numeric() && !"org".equals(type) && !"event".equals(type)) {
        from++;
      }
      if (to - from < 1 || (to - from == 1 && type == null)) {
        return;
      }
      first = tokens.get(from);
      String name = text.substring(first.start(), last.end()).replaceAll("\\s+", " ");
      found.add(new Found(field, first.start(), last.end(), name, type, true, false, last.key()));
    }

    /** The type cues give a discovered name of several words, or null. */
    private String type(String text, List<Token> tokens, int from, int to) {
      Token first = tokens.get(from);
      Token last = tokens.get(to - 1);
      if (cues.is("org-suffix", last.text()) || cues.is("org-head", first.text())) {
        return "org";
      }
      if (cues.is("event-suffix", last.text())) {
        return "event";
      }
      if (cues.is("place-suffix", last.text())) {
        return "place";
      }
      if (last.numeric()) {
        return "product";
      }
      String roleBefore = from > 0 && spaced(text, tokens.get(from - 1), first) ? tokens.get(from - 1).text() : "";
      if (cues.is("person-role", roleBefore)) {
        return "person";
      }
      if (cues.is("org-role", roleBefore)) {
        return "org";
      }
      if (to - from <= 3 && to < tokens.size()) {
        Token after = tokens.get(to);
        String gap = text.substring(last.end(), after.start());
        if (cues.is("person-verb", after.text()) && (gap.isBlank() || gap.strip().equals(","))) {
          return "person";
        }
        if (gap.strip().equals(",") && cues.is("person-role", after.text())) {
          return "person";
        }
      }
      return null;
    }

    /**
     * A single word is a name only if it looks made up ("ZhiCube", "GOVLA") and follows a product
     * verb ("launched ZhiCube") or a product noun ("AI system, GOVLA").
     */
    private String oneWordType(String text, List<Token> tokens, int i) {
      Token t = tokens.get(i);
      boolean coined = t.text().chars().skip(1).anyMatch(Character::isUpperCase) || t.text().chars().anyMatch(Character::isDigit);
      if (!coined || i == 0) {
        return null;
      }
      Token before = tokens.get(i - 1);
      String gap = text.substring(before.end(), t.start()).strip();
      if (cues.is("product-verb", before.text()) && gap.isEmpty()) {
        return "product";
      }
      if (cues.is("product-role", before.text()) && (gap.isEmpty() || gap.equals(","))) {
        return "product";
      }
      return null;
    }

    List<Entity> entities() {
      typeBySurname();
      shareTypes();
      typeLists();
      shareTypes();
      Set<String> fullPersons = new HashSet<>();
      Map<String, Found> bySurname = new HashMap<>();
      Map<String, Found> oneWord = new HashMap<>();
      for (Found f : found) {
        if ("person".equals(f.type) && !f.partial && f.name.indexOf(' ') > 0) {
          fullPersons.add(f.name);
          bySurname.putIfAbsent(f.lastKey, f);
        }
        if (f.type != null && f.discovered && f.name.indexOf(' ') < 0) {
          oneWord.putIfAbsent(f.name, f);
        }
      }
      List<Found> kept = new ArrayList<>();
      for (Found f : found) {
        if (f.type != null && (!f.partial || fullPersons.contains(f.name))) {
          kept.add(f);
        }
      }
      for (Lone l : lone) {
        Found full = bySurname.get(l.key());
        Found same = oneWord.get(l.key());
        Found target = full != null ? full : same;
        if (target != null && !covered(kept, l)) {
          kept.add(new Found(l.field(), l.start(), l.end(), target.name, target.type, target.discovered, false, l.key()));
        } else if (target == null && l.personCue()) {
          kept.add(new Found(l.field(), l.start(), l.end(), l.key(), "person", true, false, l.key()));
        }
      }
      return group(kept);
    }

    /** Every place a name is found gets the type of its first typed place. */
    private void shareTypes() {
      Map<String, String> types = new HashMap<>();
      for (Found f : found) {
        if (f.type != null) {
          types.putIfAbsent(f.name, f.type);
        }
      }
      found.forEach(f -> f.type = types.get(f.name));
    }

    /** An untyped name in a list with a typed one ("A, B and C") takes its type. */
    private void typeLists() {
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < found.size(); i++) {
          Found f = found.get(i);
          if (f.type != null || f.name.indexOf(' ') < 0) {
            continue;
          }
          for (int j : new int[] {i - 1, i + 1}) {
            if (j >= 0 && j < found.size() && found.get(j).type != null && listed(found.get(Math.min(i, j)), found.get(Math.max(i, j)))) {
              f.type = found.get(j).type;
              break;
            }
          }
        }
      }
    }

    private boolean listed(Found a, Found b) {
      if (!a.field.equals(b.field) || a.end > b.start) {
        return false;
      }
      String gap = texts.get(a.field).substring(a.end, b.start).strip();
      return gap.equals(",") || gap.equals("and") || gap.equals(", and") || gap.equals("or") || gap.equals(", or");
    }

    /** An untyped name whose last word also stands alone after a person's title ("Mr Howard"). */
    private void typeBySurname() {
      Set<String> titled = new HashSet<>();
      lone.stream().filter(Lone::personCue).forEach(l -> titled.add(l.key()));
      for (Found f : found) {
        if (f.type == null && f.name.indexOf(' ') > 0 && titled.contains(f.lastKey)) {
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
      entities.add(new Entity(name, f.type, f.discovered, where));
    });
    return entities;
  }

  private boolean nameWord(Token t) {
    return t.capitalised() && !cues.is("connector", t.text());
  }

  /** Whether two words are separated by spaces only, on one line. */
  private static boolean spaced(String text, Token a, Token b) {
    for (int i = a.end(); i < b.start(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\u00a0') {
        return false;
      }
    }
    return true;
  }

  private static boolean sentenceStart(String text, List<Token> tokens, int i) {
    if (i == 0) {
      return true;
    }
    Token prev = tokens.get(i - 1);
    if (prev.text().endsWith(".")) {
      return true;
    }
    String gap = text.substring(prev.end(), tokens.get(i).start());
    for (int k = 0; k < gap.length(); k++) {
      if (".!?:;\n|\"“”‘•(–—-".indexOf(gap.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** For each word, whether its line reads like a headline or table row: short, most words capitalised. */
  private boolean[] headings(String text, List<Token> tokens) {
    boolean[] heading = new boolean[tokens.size()];
    int i = 0;
    while (i < tokens.size()) {
      int lineEnd = text.indexOf('\n', tokens.get(i).start());
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      int j = i;
      int words = 0;
      int capitals = 0;
      while (j < tokens.size() && tokens.get(j).start() < lineEnd) {
        Token t = tokens.get(j);
        if (t.text().length() > 3 && Character.isLetter(t.text().charAt(0))) {
          words++;
          capitals += t.capitalised() ? 1 : 0;
        }
        j++;
      }
      boolean isHeading = j - i <= 20 && words >= 2 && capitals * 4 >= words * 3;
      for (int k = i; k < j; k++) {
        heading[k] = isHeading;
      }
      i = Math.max(j, i + 1);
    }
    return heading;
  }

  private record Match(Gazetteer.Name name, int end) {}

  private Match longestAt(List<Token> tokens, int start) {
    Match best = null;
    List<Gazetteer.Node> frontier = List.of(gazetteer.root());
    for (int i = start; i < tokens.size() && !frontier.isEmpty(); i++) {
      List<Gazetteer.Node> next = new ArrayList<>(2);
      for (Gazetteer.Node node : frontier) {
        for (String key : Gazetteer.keys(tokens.get(i).key())) {
          Gazetteer.Node child = node.next.get(key);
          if (child != null) {
            next.add(child);
          }
        }
      }
      for (Gazetteer.Node node : next) {
        if (node.name != null) {
          best = new Match(node.name, i + 1);
          break;
        }
      }
      frontier = next;
    }
    return best;
  }
}
