package newssearch.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 *   <li>Discovered names: runs of capitalised words ("Richard Yu Chengdong", "Bank of England")
 *       that the gazetteer does not know, without the function words, titles and sentence openers
 *       around them, kept when a cue of {@code entity-cues.conf} types them: a title ("Premier"),
 *       a role word before or after ("robotics firm", ", chief executive of"), a last or first
 *       word ("Technologies", "Conference", "University of"), a speech verb ("said"), a given name,
 *       or a list they stand in with a typed name ("Frank McCourt, Alexis Ohanian and ...").
 *   <li>Short mentions: a lone surname of a person named in full ("McCourt"), "Mr" or "Ms" with a
 *       surname, or a lone name discovered elsewhere in the article.
 * </ol>
 *
 * Headline-style lines (most words capitalised) are searched for known names only. The names the
 * corpus metadata gives ({@link Article#entities()}) are then added, merged with those found.
 */
public final class EntityTagger {
  /** What may stand between the words of an apposition: "the company's founder", "UK-based operator". */
  private static final Set<String> APPOSITION_GAP = Set.of(" ", "'s ", "’s ", "-");
  /** Words that end an apposition's head: "a spokesman for the Danish Dairy Board". */
  private static final Set<String> STOPS = Set.of("of", "for", "at", "in", "with", "who", "which", "and", "on", "to", "said");
  /** Connectors that join organisation names but not people's ("de" and "van" do both). */
  private static final Set<String> NOT_IN_PERSON_NAMES = Set.of("of", "for", "the", "and");
  /** Words before a name that say it is not a person's: "the South Shropshire Hunt". */
  private static final Set<String> ARTICLES = Set.of("the", "The", "a", "A", "an", "An");
  private static final Set<String> ROMAN = Set.of("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII");
  private final Gazetteer gazetteer;
  private final EntityCues cues;

  public EntityTagger(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.cues = gazetteer.cues();
  }

  public List<Entity> tag(Article article) {
    Words title = new Words("title", article.title());
    Words text = new Words("text", article.text());
    Scan scan = new Scan(List.of(title, text));
    scan.field(title);
    scan.field(text);
    List<Entity> found = scan.entities();
    return article.entities().isEmpty() ? found : withGiven(found, article.entities(), List.of(title, text));
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
  private List<Entity> withGiven(List<Entity> found, List<String> given, List<Words> fields) {
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

  private Entity given(GivenName given, Map<String, Entity> byName, List<Words> fields) {
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
    return new Entity(name, type == null ? GIVEN_TYPE : type, false, mentions, true);
  }

  /** The gazetteer's meaning of exactly these words, if it has the wanted type (any when null). */
  private Gazetteer.Name known(List<Token> tokens, String type) {
    Match m = tokens.isEmpty() ? null : longestAt(tokens, 0);
    if (m == null || m.end != tokens.size() || (type != null && !type.equals(m.name.type()))) {
      return null;
    }
    return m.name;
  }

  /** The type the name finder's cues give {@code name} standing alone, or null. */
  private String typeByCues(String name) {
    Words words = new Words("given", name);
    return words.size() == 0 ? null : new Scan(List.of(words)).type(words, 0, words.size());
  }

  /** Where the fields have the words of {@code name} in order, outside the mentions of {@code found}. */
  private static List<Mention> mentionsOf(List<Token> name, List<Words> fields, Collection<Entity> found) {
    List<Mention> mentions = new ArrayList<>();
    for (Words w : fields) {
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

  /** A name found at one place: known, or discovered (its type may still be unknown: null). */
  private static final class Found {
    final String field;
    final int start;
    final int end;
    final String name;
    String type;
    final boolean discovered;
    final boolean partial;

    Found(String field, int start, int end, String name, String type, boolean discovered, boolean partial) {
      this.field = field;
      this.start = start;
      this.end = end;
      this.name = name;
      this.type = type;
      this.discovered = discovered;
      this.partial = partial;
    }

    String firstWord() {
      int space = name.indexOf(' ');
      return space < 0 ? name : name.substring(0, space);
    }

    String lastWord() {
      return name.substring(name.lastIndexOf(' ') + 1);
    }

    boolean severalWords() {
      return name.indexOf(' ') > 0;
    }
  }

  /**
   * A lone capitalised word, which may be a short mention of a name found elsewhere.
   *
   * @param honorific after "Mr", "Ms", "Sir"...: certainly a person
   * @param speaker next to a speech verb ("said Yelling"): a person if a full name matches
   */
  private record Lone(String field, int start, int end, String key, boolean honorific, boolean speaker) {}

  /** One field's words, with the gazetteer match starting at each. */
  private final class Words {
    final String field;
    final String text;
    final List<Token> tokens;
    final Match[] matches;
    final boolean[] heading;
    final boolean[] shouting;

    Words(String field, String text) {
      this.field = field;
      this.text = text;
      this.tokens = Token.tokenize(text);
      this.matches = new Match[tokens.size()];
      for (int i = 0; i < tokens.size(); i++) {
        matches[i] = longestAt(tokens, i);
      }
      this.heading = headings(text, tokens, false);
      this.shouting = headings(text, tokens, true);
    }

    Token at(int i) {
      return tokens.get(i);
    }

    int size() {
      return tokens.size();
    }

    String gap(int a, int b) {
      return text.substring(tokens.get(a).end(), tokens.get(b).start());
    }

    /** Whether words {@code a} and {@code a + 1} belong to one name: a space, a hyphen or " & " between. */
    boolean joined(int a) {
      if (a + 1 >= tokens.size()) {
        return false;
      }
      String gap = gap(a, a + 1);
      return gap.equals(" ") || gap.equals("\u00a0") || gap.equals("-") || gap.equals(" & ");
    }

    /** A model or version number after a name word ("AlphaBot 2", "FIFA 2005"), not a score ("6-3"). */
    boolean version(int i) {
      Token t = tokens.get(i);
      boolean number = t.text().chars().allMatch(c -> Character.isDigit(c) || c == '.') || ROMAN.contains(t.text());
      if (i == 0 || t.text().length() > 4 || !number) {
        return false;
      }
      Token before = tokens.get(i - 1);
      if (!before.capitalised() || cues.is("not-name", before.text()) || !gap(i - 1, i).equals(" ")) {
        return false;
      }
      int after = t.end();
      return after >= text.length() || " .;)".indexOf(text.charAt(after)) >= 0 && !(after + 1 < text.length()
          && text.charAt(after) == '.' && Character.isDigit(text.charAt(after + 1)));
    }

    /** A number that opens a name ("2012 Laboratories"), not part of a figure ("2,530 Oscars"). */
    boolean numberedName(int i) {
      Token t = tokens.get(i);
      return t.numeric() && t.text().length() >= 2 && t.text().chars().allMatch(Character::isDigit)
          && (t.start() == 0 || Character.isWhitespace(text.charAt(t.start() - 1)))
          && joined(i) && tokens.get(i + 1).capitalised() && gap(i, i + 1).equals(" ");
    }

    boolean sentenceStart(int i) {
      if (i == 0) {
        return true;
      }
      Token prev = tokens.get(i - 1);
      if (prev.text().endsWith(".") && !prev.initial()) {
        return true;
      }
      String gap = gap(i - 1, i);
      for (int k = 0; k < gap.length(); k++) {
        if (".!?:;\n|\"“”‘•(–—".indexOf(gap.charAt(k)) >= 0) {
          return true;
        }
      }
      return false;
    }
  }

  /** The state of one article's scan. */
  private final class Scan {
    final Set<String> lowerWords = new HashSet<>();
    final List<Found> found = new ArrayList<>();
    final List<Lone> lone = new ArrayList<>();
    final Map<String, String> texts = new HashMap<>();

    Scan(List<Words> fields) {
      for (Words w : fields) {
        for (Token t : w.tokens) {
          if (Character.isLowerCase(t.text().codePointAt(0))) {
            lowerWords.add(t.text());
          }
        }
      }
    }

    void field(Words w) {
      String field = w.field;
      texts.put(field, w.text);
      int i = 0;
      while (i < w.size()) {
        if (w.at(i).webName() && w.matches[i] == null) {
          Token t = w.at(i);
          found.add(new Found(field, t.start(), t.end(), t.text(), "org", true, false));
          i++;
          continue;
        }
        if (!nameWord(w.at(i)) && !w.numberedName(i) && w.matches[i] == null) {
          i++;
          continue;
        }
        int end = run(w, i);
        pieces(w, i, end);
        i = end;
      }
    }

    /** The end (exclusive) of the run of name words that starts at {@code start}. */
    private int run(Words w, int start) {
      int end = w.matches[start] != null ? w.matches[start].end : start + 1;
      while (end < w.size() && w.joined(end - 1)) {
        Token next = w.at(end);
        if (w.matches[end] != null) {
          end = w.matches[end].end;
        } else if (nameWord(next) || w.version(end)) {
          end++;
        } else if (cues.is("connector", next.text()) && w.joined(end) && nameStart(w, end + 1)) {
          end += 2;
        } else if (next.text().equals("of") && end + 2 < w.size() && w.at(end + 1).text().equals("the")
            && w.joined(end) && w.joined(end + 1) && nameStart(w, end + 2)) {
          end += 3;
        } else {
          break;
        }
      }
      return end;
    }

    private boolean nameStart(Words w, int i) {
      return i < w.size() && (w.at(i).capitalised() || w.matches[i] != null);
    }

    /** Splits a run at titles and function words into known names and candidates. */
    private void pieces(Words w, int from, int to) {
      boolean heading = w.heading[from];
      int i = from;
      int pieceStart = -1;
      String cue = null;
      while (i < to) {
        Token t = w.at(i);
        Match m = w.matches[i];
        boolean opener = i == from && w.sentenceStart(i);
        if (m != null && (w.shouting[i] || shouted(w, i, m))) {
          m = null;
        }
        if (m != null) {
          Absorb absorb = heading ? Absorb.NO : absorbed(w, m, pieceStart, i, to, cue);
          if (absorb == Absorb.NEW_NAME) {
            flush(w, pieceStart, i, cue);
            cue = null;
            pieceStart = i;
          }
          if (absorb != Absorb.NO) {
            pieceStart = pieceStart < 0 ? i : pieceStart;
            i = m.end;
            continue;
          }
          flush(w, pieceStart, i, cue);
          pieceStart = -1;
          cue = null;
          int merged = mergedEnd(w, i, m, to);
          if (merged > 0) {
            Token last = w.at(merged - 1);
            found.add(new Found(w.field, t.start(), last.end(), w.text.substring(t.start(), last.end()), "org", true, false));
            i = merged;
          } else {
            found.add(known(w, i, m));
            i = m.end;
          }
          continue;
        }
        String lower = t.text().toLowerCase(Locale.ROOT);
        boolean followed = i + 1 < to || t.text().equals(t.text().toUpperCase(Locale.ROOT));
        String title = followed && cues.is("person-title", t.text()) || (opener && cues.is("person-role", lower)) ? "person"
            : opener && cues.is("org-role", lower) ? "org" : null;
        boolean skip = title != null || cues.is("function-word", t.text()) || cues.is("not-name", t.text())
            || (opener && lowerWords.contains(lower)) || (pieceStart < 0 && cues.is("connector", t.text()));
        if (skip) {
          flush(w, pieceStart, i, cue);
          pieceStart = -1;
          cue = title;
        } else if (pieceStart < 0) {
          pieceStart = i;
        }
        i++;
      }
      flush(w, pieceStart, to, cue);
    }

    /**
     * Whether an acronym stands next to a word written in capitals ("WHO SITS IN JUDGEMENT?"),
     * where it is more likely a word than a name.
     */
    private boolean shouted(Words w, int i, Match m) {
      Token t = w.at(i);
      if (m.end != i + 1 || !t.text().equals(t.text().toUpperCase(Locale.ROOT))) {
        return false;
      }
      for (int j : new int[] {i - 1, i + 1}) {
        if (j >= 0 && j < w.size()) {
          String s = w.at(j).text();
          boolean word = s.length() > 2 && s.chars().allMatch(Character::isLetter) && w.matches[j] == null && !cues.is("not-name", s);
          if (word && s.equals(s.toUpperCase(Locale.ROOT))) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * Whether a known name is part of a longer unknown one: after "of" in a candidate ("Bank of
     * England"), or a one-word place, organisation or product next to capitalised words that cues
     * type as one name ("British Airways", "Apple Powerbook 100") or that precede it ("David Rubin").
     */
    private Absorb absorbed(Words w, Match m, int pieceStart, int at, int to, String cue) {
      boolean afterOf = pieceStart >= 0 && cues.is("connector", w.at(at - 1).text());
      if (afterOf) {
        String type = type(w, pieceStart, m.end);
        if (type != null && !type.equals("person")) {
          return Absorb.SAME_NAME;
        }
      }
      if (m.end != at + 1 || m.name.type().equals("person")) {
        return Absorb.NO;
      }
      if (pieceStart >= 0 && !afterOf) {
        return Absorb.SAME_NAME;
      }
      int end = at + 1;
      while (end < to && (candidateWord(w, end) || w.version(end))) {
        end++;
      }
      boolean longer = end > at + 1 && ((cue != null && !afterOf) || type(w, at, end) != null);
      return !longer ? Absorb.NO : afterOf ? Absorb.NEW_NAME : Absorb.SAME_NAME;
    }

    /**
     * The end of an organisation named by two known names together, or 0: an organisation and a
     * place ("BBC Scotland"), or a place and an organisation ("Scottish Conservative Party").
     */
    private int mergedEnd(Words w, int i, Match m, int to) {
      if (m.end >= to || !w.gap(m.end - 1, m.end).equals(" ") || w.matches[m.end] == null || w.shouting[i]) {
        return 0;
      }
      Match next = w.matches[m.end];
      if (next.end > to) {
        return 0;
      }
      boolean orgPlace = m.name.type().equals("org") && next.name.type().equals("place") && next.end == m.end + 1;
      boolean placeOrg = m.name.type().equals("place") && m.end == i + 1 && next.name.type().equals("org")
          && next.end > m.end + 1 && cues.is("org-suffix", w.at(next.end - 1).text());
      return orgPlace || placeOrg ? next.end : 0;
    }

    private boolean candidateWord(Words w, int i) {
      Token t = w.at(i);
      return nameWord(t) && w.matches[i] == null && !cues.is("person-title", t.text())
          && !cues.is("function-word", t.text()) && !cues.is("not-name", t.text());
    }

    private Found known(Words w, int i, Match m) {
      Gazetteer.Name n = m.name;
      return new Found(w.field, w.at(i).start(), w.at(m.end - 1).end(), n.canonical(), n.type(), false, n.partial());
    }

    /** Turns the candidate words {@code [from, to)} into a found name or a lone word. */
    private void flush(Words w, int from, int to, String cue) {
      if (from < 0) {
        return;
      }
      while (to > from && (cues.is("connector", w.at(to - 1).text()) || w.at(to - 1).text().equals("the"))) {
        to--;
      }
      if (from >= to) {
        return;
      }
      for (int k = from + 1; k < to - 1; k++) {
        String before = w.at(k - 1).text();
        if (w.at(k).text().equals("of") && !cues.is("org-suffix", before) && !cues.is("org-head", before)
            && !cues.is("event-suffix", before) && !cues.is("org-head", w.at(from).text())) {
          // "Grant Wilson of Mellon Bank" is two names.
          flush(w, from, k, cue);
          flush(w, k + 1, to, null);
          return;
        }
      }
      Token first = w.at(from);
      if (to - from == 1) {
        if (!first.number()) {
          oneWord(w, from, cue);
        }
        return;
      }
      if (w.heading[from]) {
        return;
      }
      if (to - from == 2 && w.at(from + 1).number() && w.sentenceStart(from)) {
        return;
      }
      String type = cue != null ? cue : type(w, from, to);
      while (from < to && w.at(from).number() && !"org".equals(type)) {
        from++;
      }
      if (to - from < 2 && type == null || from >= to) {
        return;
      }
      first = w.at(from);
      Token last = w.at(to - 1);
      String name = w.text.substring(first.start(), last.end()).replaceAll("\\s+", " ");
      found.add(new Found(w.field, first.start(), last.end(), name, type, true, false));
    }

    private void oneWord(Words w, int i, String cue) {
      Token t = w.at(i);
      boolean honorific = i > 0 && cues.is("honorific", w.at(i - 1).text()) && w.joined(i - 1);
      boolean speaker = (i > 0 && cues.is("person-verb", w.at(i - 1).text()) && w.gap(i - 1, i).equals(" "))
          || (i + 1 < w.size() && cues.is("person-verb", w.at(i + 1).text()) && w.gap(i, i + 1).equals(" "));
      lone.add(new Lone(w.field, t.start(), t.end(), t.key(), honorific, speaker));
      String type = "org".equals(cue) ? "org" : oneWordType(w, i);
      boolean plain = !w.sentenceStart(i) && !lowerWords.contains(t.text().toLowerCase(Locale.ROOT));
      if (!w.heading[i] && (type != null || plain)) {
        // An untyped word is kept in case a list types it ("Nokia, Sagem, Sony and Thomson").
        found.add(new Found(w.field, t.start(), t.end(), t.text(), type, true, false));
      }
    }

    /** The type cues give a discovered name of several words, or null. */
    private String type(Words w, int from, int to) {
      Token first = w.at(from);
      int lastWord = to - 1;
      while (lastWord > from && (w.at(lastWord).number() || ROMAN.contains(w.at(lastWord).text()))) {
        lastWord--;
      }
      String last = w.at(lastWord).text();
      if (cues.is("org-suffix", last)) {
        return "org";
      }
      if (cues.is("event-suffix", last)) {
        return "event";
      }
      if (cues.is("place-suffix", last)) {
        return "place";
      }
      if (cues.is("org-head", first.text())) {
        return "org";
      }
      for (int i = from + 1; i < lastWord; i++) {
        String before = w.at(i - 1).text();
        if (w.at(i).text().equals("of") && (cues.is("org-suffix", before) || cues.is("org-head", before))) {
          return "org";
        }
      }
      if (lastWord < to - 1) {
        return "product";
      }
      String before = from > 0 && w.joined(from - 1) ? w.at(from - 1).text() : "";
      if (cues.is("person-role", before)) {
        return "person";
      }
      if (cues.is("org-role", before)) {
        return "org";
      }
      if (cues.is("product-role", before) || cues.is("product-verb", before)) {
        return "product";
      }
      String apposed = apposition(w, to);
      if (apposed != null) {
        return apposed;
      }
      if (!personLike(w, from, to)) {
        return null;
      }
      return personCue(w, from, to, before) || fromPlace(w, to) ? "person" : null;
    }

    /** "Nicole Vaidisova of the Czech Republic": a person's name followed by where they are from. */
    private boolean fromPlace(Words w, int to) {
      int i = to;
      if (i + 1 >= w.size() || !w.at(i).text().equals("of") || !w.gap(i - 1, i).equals(" ")) {
        return false;
      }
      i++;
      if (w.at(i).text().equals("the") && i + 1 < w.size()) {
        i++;
      }
      return w.matches[i] != null && w.matches[i].name.type().equals("place");
    }

    /**
     * The type a role in apposition gives a name: "Judy Bell, the company's founder" (person),
     * "MMO2, the UK-based operator" (org). The last role word before the next preposition or
     * punctuation counts.
     */
    private String apposition(Words w, int to) {
      if (to >= w.size() || !w.gap(to - 1, to).strip().equals(",")) {
        return null;
      }
      String role = null;
      for (int i = to; i < Math.min(w.size(), to + 5); i++) {
        String s = w.at(i).text();
        if (i > to && !APPOSITION_GAP.contains(w.gap(i - 1, i)) || STOPS.contains(s)) {
          break;
        }
        role = cues.is("person-role", s) ? "person" : cues.is("org-role", s) ? "org" : role;
      }
      return role;
    }

    /** Two to four words, none in capitals or "of": shaped like a person's name ("Henri de Bodinat"). */
    private boolean personLike(Words w, int from, int to) {
      if (to - from > 4) {
        return false;
      }
      for (int i = from; i < to; i++) {
        String s = w.at(i).text();
        if (NOT_IN_PERSON_NAMES.contains(s) || (s.length() > 1 && s.equals(s.toUpperCase(Locale.ROOT)))) {
          return false;
        }
      }
      return true;
    }

    /** A speech verb before or after ("said Jason Parkinson", "Kevin Smith said"), or a given name. */
    private boolean personCue(Words w, int from, int to, String before) {
      if (ARTICLES.contains(before)) {
        return false;
      }
      if (cues.is("person-verb", before) || cues.is("given-name", w.at(from).text())) {
        return true;
      }
      if (to >= w.size()) {
        return false;
      }
      String gap = w.gap(to - 1, to).strip();
      if (cues.is("person-verb", w.at(to).text()) && (gap.isEmpty() || gap.equals(","))) {
        return true;
      }
      return false;
    }

    /**
     * A single word is a name only if it looks made up ("ZhiCube", "GOVLA") and follows a product
     * verb or noun ("launched ZhiCube", "AI system, GOVLA"), or follows an organisation word
     * ("security firm Clearswift").
     */
    private String oneWordType(Words w, int i) {
      if (i == 0) {
        return null;
      }
      Token t = w.at(i);
      Token before = w.at(i - 1);
      String gap = w.gap(i - 1, i).strip();
      boolean pluralAcronym = t.text().matches("\\p{Lu}{2,}s");
      if (cues.is("org-role", before.text()) && gap.isEmpty() && !cues.is("function-word", t.text()) && !pluralAcronym) {
        return "org";
      }
      boolean coined = t.text().chars().skip(1).anyMatch(Character::isUpperCase) || t.text().chars().anyMatch(Character::isDigit);
      if (!w.sentenceStart(i) && !lowerWords.contains(t.text().toLowerCase(Locale.ROOT)) && i + 1 < w.size()
          && cues.is("org-after", w.at(i + 1).text()) && w.gap(i, i + 1).equals(" ")) {
        return "org";
      }
      if (coined && "org".equals(apposition(w, i + 1))) {
        return "org";
      }
      if (coined && cues.is("product-verb", before.text()) && gap.isEmpty()) {
        return "product";
      }
      if (coined && cues.is("product-role", before.text()) && (gap.isEmpty() || gap.equals(","))) {
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
      List<Found> kept = new ArrayList<>();
      for (Found f : found) {
        Found full = null;
        if (f.discovered && !f.severalWords()) {
          full = "person".equals(f.type) ? bySurname.get(f.name) : "org".equals(f.type) ? orgHeads.get(f.name) : null;
        }
        if (full != null) {
          kept.add(new Found(f.field, f.start, f.end, full.name, full.type, full.discovered, false));
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
          kept.add(new Found(l.field(), l.start(), l.end(), target.name, target.type, target.discovered, false));
        } else if (target == null && l.honorific()) {
          kept.add(new Found(l.field(), l.start(), l.end(), l.key(), "person", true, false));
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
          if (f.type != null) {
            continue;
          }
          for (int j : new int[] {i - 1, i + 1}) {
            if (j >= 0 && j < found.size() && found.get(j).type != null
                && listed(found.get(Math.min(i, j)), found.get(Math.max(i, j))) && conjunction(i)) {
              f.type = found.get(j).type;
              break;
            }
          }
        }
      }
    }

    /** Whether the list around {@code found[i]} has an "and" or "or": a list, not an apposition. */
    private boolean conjunction(int i) {
      for (int step : new int[] {-1, 1}) {
        for (int j = i; j + step >= 0 && j + step < found.size(); j += step) {
          Found a = found.get(Math.min(j, j + step));
          Found b = found.get(Math.max(j, j + step));
          if (!listed(a, b)) {
            break;
          }
          if (texts.get(a.field).substring(a.end, b.start).strip().matches(",? ?(and|or)")) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean listed(Found a, Found b) {
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
    return (t.capitalised() || t.coinedNumber()) && !cues.is("connector", t.text());
  }

  /**
   * For each word, whether its line reads like a headline or table row: short, most words
   * capitalised, no full stop at the end; or, with {@code capitals}, a line written in capitals ("WHO WAS OSCAR?"), where
   * acronyms cannot be told from words.
   */
  private static boolean[] headings(String text, List<Token> tokens, boolean capitals) {
    boolean[] heading = new boolean[tokens.size()];
    int i = 0;
    while (i < tokens.size()) {
      int lineEnd = text.indexOf('\n', tokens.get(i).start());
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      int j = i;
      int words = 0;
      int caps = 0;
      while (j < tokens.size() && tokens.get(j).start() < lineEnd) {
        Token t = tokens.get(j);
        if (t.text().length() > 3 && Character.isLetter(t.text().charAt(0))) {
          words++;
          boolean counts = capitals ? t.text().equals(t.text().toUpperCase(Locale.ROOT)) : t.capitalised();
          caps += counts ? 1 : 0;
        }
        j++;
      }
      // A line that ends with a full stop is a sentence, however many names it has.
      boolean sentence = text.substring(tokens.get(i).start(), lineEnd).stripTrailing().endsWith(".");
      boolean isHeading = capitals ? words >= 2 && caps == words
          : !sentence && j - i <= 20 && words >= 2 && caps * 4 >= words * 3;
      for (int k = i; k < j; k++) {
        heading[k] = isHeading;
      }
      i = Math.max(j, i + 1);
    }
    return heading;
  }

  private record Match(Gazetteer.Name name, int end) {}

  /** Whether a known name is read as part of a discovered one, and which. */
  private enum Absorb {
    NO,
    /** It continues the candidate before it ("Bank of England", "David Rubin"). */
    SAME_NAME,
    /** It starts a new candidate ("Orin Middleton of Barclays Capital"). */
    NEW_NAME
  }

  private Match longestAt(List<Token> tokens, int start) {
    String[] firstKeys = Gazetteer.keys(tokens.get(start).key());
    boolean any = false;
    for (String key : firstKeys) {
      any |= gazetteer.root().next.containsKey(key);
    }
    if (!any) {
      return null;
    }
    Match best = null;
    Gazetteer.Node[] frontier = {gazetteer.root()};
    for (int i = start; i < tokens.size() && frontier.length > 0; i++) {
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
      frontier = next.toArray(new Gazetteer.Node[0]);
    }
    return best;
  }
}
