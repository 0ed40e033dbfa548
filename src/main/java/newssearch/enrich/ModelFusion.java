package newssearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuses the trained model's names into a scan: the gazetteer keeps its canonical names and types,
 * the cue rules keep the names they typed, and the model adds the names they leave out or leave
 * untyped.
 *
 * <ul>
 *   <li>A model name is trimmed to its name words: numbers at either end ("Andrew Park 72"), a
 *       possessive, titles, roles and function words before it ("Ms Hewitt", "Investor McCourt",
 *       "What Robert") and lower-case words after it ("Anthony had") are cut off.
 *   <li>It replaces what it overlaps only when that is untyped (then a run the rules found that
 *       covers it keeps the rules' boundaries, "Project Liberty"), or when it is an organisation
 *       longer than the known places and organisations inside it ("Manchester United" over the
 *       place Manchester, "Real Madrid").
 *   <li>Single characters, words the cues call not names, words written in lower case elsewhere in
 *       the article, compounds such as "US-made", and headline lines are left out.
 * </ul>
 */
final class ModelFusion {
  // Compiled once: String.matches and replaceAll compile their pattern on every call.
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern HYPHEN_LOWER_END = Pattern.compile(".*-\\p{Ll}+");
  private static final Pattern LETTER = Pattern.compile("\\p{L}\\.?");
  private static final Pattern LEADING_NUMBER = Pattern.compile("^[\\d.,:/-]+\\s+");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("(?:\\s+[\\d.,:/()-]+)+$");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final List<String> FIELD_ORDER = List.of("title", "text");

  /**
   * Model names less likely than this are left out: chosen on the BBC development sample
   * (gold-bbc.txt; 0.6 gave precision 0.91 / recall 0.79 there, 0.7 0.91 / 0.78, 0.85 0.93 / 0.77),
   * never on the held-out articles.
   */
  static final double MIN_PROBABILITY = 0.6;

  private final EntityCues cues;
  private final GazetteerLookup lookup;

  ModelFusion(EntityCues cues, GazetteerLookup lookup) {
    this.cues = cues;
    this.lookup = lookup;
  }

  /**
   * The gazetteer's name for a model name: one of its own names of the same type as written, where
   * the gazetteer did not match it ("US" inside "General Motors of the US" is the United States),
   * or a name written in capitals ("NEW YORK" in a dateline is the place New York); else null.
   */
  private Gazetteer.Name known(String name, String type) {
    List<Token> written = Token.tokenize(name);
    GazetteerMatch exact = written.isEmpty() ? null : lookup.longestAt(written, 0);
    if (exact != null && exact.end == written.size() && !exact.name.partial() && !exact.name.listed()
        && exact.name.type().equals(type)) {
      return exact.name;
    }
    if (!name.equals(name.toUpperCase(Locale.ROOT)) || name.length() < 3) {
      return null;
    }
    StringBuilder titled = new StringBuilder();
    for (String word : name.split(" ")) {
      titled.append(titled.length() > 0 ? " " : "").append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    List<Token> tokens = Token.tokenize(titled.toString());
    GazetteerMatch m = tokens.isEmpty() ? null : lookup.longestAt(tokens, 0);
    return m != null && m.end == tokens.size() && !m.name.partial() ? m.name : null;
  }

  void add(NameScan scan, FieldWords w, List<ModelNameFinder.Name> names) {
    scan.texts.put(w.field, w.text);
    for (ModelNameFinder.Name n : names) {
      if (n.probability() < MIN_PROBABILITY) {
        continue;
      }
      String type = afterNationalityNoun(w, n.start(), n.end()) ? "person" : n.type();
      int[] span = trimmed(w, n.start(), n.end(), "person".equals(type));
      if (span == null) {
        continue;
      }
      int start = span[0];
      int end = span[1];
      String name = SPACES.matcher(w.text.substring(start, end)).replaceAll(" ");
      if (!plausible(scan, w, start, name) || "person".equals(type) && aRole(name)) {
        continue;
      }
      List<Found> overlapping = new ArrayList<>();
      boolean blocked = false;
      Found cover = null;
      for (Found f : scan.found) {
        if (f.field.equals(w.field) && f.start < end && start < f.end) {
          overlapping.add(f);
          boolean covered = start <= f.start && f.end <= end;
          boolean inside = covered && end - start > f.end - f.start;
          // A town of the list yields to the model's other reading of it ("Burnley" the club) and
          // to a longer name around it ("Gulf of Suez"); an organisation of the list to a longer
          // name only (the model reads "Manchester United's win" as a person's).
          boolean yields = f.type == null
              || (inside && "org".equals(type) && ("place".equals(f.type) || "org".equals(f.type)))
              || (f.listed && (inside || covered && !"place".equals(type) && !"org".equals(f.type)));
          blocked |= !yields;
          if (f.type == null && f.start <= start && end <= f.end) {
            cover = f;
          }
        }
      }
      if (blocked) {
        continue;
      }
      scan.found.removeAll(overlapping);
      int[] covered = cover == null ? null : trimmed(w, cover.start, cover.end, "person".equals(type));
      if (covered != null) {
        // The rules' boundaries, trimmed like the model's ("of the USA" gave the run "the USA").
        start = covered[0];
        end = covered[1];
        name = SPACES.matcher(w.text.substring(start, end)).replaceAll(" ");
      }
      Gazetteer.Name known = known(name, type);
      Found f = known != null
          ? new Found(w.field, start, end, known.canonical(), known.type(), false, false, Entity.MODEL)
          : new Found(w.field, start, end, name, type, true, false, Entity.MODEL);
      if ("place".equals(f.type) && !Countries.contains(f.name)) {
        int from = Clubs.wordAt(w, start);
        int to = Clubs.wordEndingAt(w, end);
        if (from >= 0 && to > from && Clubs.byContext(cues, w, from, to)) {
          f.type = "org"; // "Gloucester centre Henry Paul": the club, as for the gazetteer's towns
          f.club = true;
        }
      }
      scan.found.add(f);
    }
    scan.found.sort((a, b) -> a.field.equals(b.field) ? Integer.compare(a.start, b.start)
        : Integer.compare(FIELD_ORDER.indexOf(a.field), FIELD_ORDER.indexOf(b.field)));
  }

  /**
   * The span of the name words of {@code [start, end)}, or null when none is left. With {@code
   * person}, a nationality before the name is cut off too ("Bulgarian Magdalena Maleeva"), and so
   * is everything up to a role written in capitals with two words after it ("Radio 1 DJ Chris
   * Moyles"): such a role is never part of a name, unlike a role word that is also a surname
   * ("Mike Judge").
   */
  private int[] trimmed(FieldWords w, int start, int end, boolean person) {
    String text = w.text;
    Matcher lead = LEADING_NUMBER.matcher(text.substring(start, end));
    if (lead.find()) {
      start += lead.end();
    }
    Matcher trail = TRAILING_NUMBER.matcher(text.substring(start, end));
    if (trail.find()) {
      end = start + trail.start();
    }
    List<int[]> words = new ArrayList<>();
    List<String> wordTexts = new ArrayList<>();
    Matcher m = WORD.matcher(text.substring(start, end));
    while (m.find()) {
      words.add(new int[] {start + m.start(), start + m.end()});
      wordTexts.add(m.group());
    }
    int first = 0;
    int last = words.size() - 1;
    for (int i = 1; person && i + 2 <= last; i++) {
      if (capitalRole(wordTexts.get(i))) {
        first = i + 1;
      }
    }
    while (first < last && (dropBefore(wordTexts.get(first)) || person && demonym(w, words.get(first)[0]))) {
      first++;
    }
    while (last > first && (dropAfter(wordTexts.get(last)) || person && cues.is("post-nominal", wordTexts.get(last)))) {
      last--;
    }
    if (first > last) {
      return null;
    }
    start = words.get(first)[0];
    end = words.get(last)[1];
    while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1)) && text.charAt(end - 1) != '.') {
      end--; // "America&", "(Newcastle)"
    }
    String tail = text.substring(start, end);
    if (tail.endsWith("'s") || tail.endsWith("’s")) {
      end -= 2;
    }
    return end > start ? new int[] {start, end} : null;
  }

  /**
   * Whether the name {@code [start, end)} is a word for a person of a nation and at least two more
   * words: "Frenchman Gilles Simon" is a person, whatever the model's type.
   */
  private boolean afterNationalityNoun(FieldWords w, int start, int end) {
    Matcher m = WORD.matcher(w.text.substring(start, end));
    if (!m.find() || !cues.is("nationality-noun", m.group())) {
      return false;
    }
    int more = 0;
    while (m.find()) {
      more++;
    }
    return more >= 2;
  }

  /** Whether the word at {@code offset} is a known place's other name, such as a nationality ("Bulgarian"). */
  private static boolean demonym(FieldWords w, int offset) {
    for (int i = 0; i < w.size(); i++) {
      if (w.at(i).start() == offset) {
        GazetteerMatch m = w.matches[i];
        return m != null && m.end == i + 1 && m.name.type().equals("place") && !m.name.canonical().equals(w.at(i).text());
      }
    }
    return false;
  }

  private boolean dropBefore(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    word = withoutStop(word);
    return cues.is("function-word", word) || cues.is("person-title", word) || cues.is("honorific", word)
        || cues.is("greeting", word) || cues.is("person-role", lower) || cues.is("org-role", lower)
        // A reporting verb opens a sentence before the name it reports ("Says DJ Pete Tong").
        || cues.is("person-verb", lower) || Character.isLowerCase(word.codePointAt(0));
  }

  /**
   * Whether a person's name the model found is a role ("Foreign Secretary", "Chancellor"): its
   * last word is a role and no given name comes before it ("Minnie Driver" is a name).
   */
  private boolean aRole(String name) {
    String[] words = name.split(" ");
    return cues.is("person-role", words[words.length - 1].toLowerCase(Locale.ROOT))
        && (words.length == 1 || !cues.is("given-name", words[0]));
  }

  /** An abbreviation without its stop: "Sen." is the title "Sen". */
  private static String withoutStop(String word) {
    return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
  }

  /** A role abbreviation such as "DJ", "CEO" or "MP". */
  private boolean capitalRole(String word) {
    return word.length() > 1 && word.chars().allMatch(Character::isUpperCase) && cues.is("person-role", word.toLowerCase(Locale.ROOT));
  }

  private boolean dropAfter(String word) {
    return Character.isLowerCase(word.codePointAt(0)) || cues.is("connector", word);
  }

  private boolean plausible(NameScan scan, FieldWords w, int start, String name) {
    if (name.codePointCount(0, name.length()) < 2 || !Character.isUpperCase(name.codePointAt(0)) && !Character.isDigit(name.codePointAt(0))) {
      return false;
    }
    if (HYPHEN_LOWER_END.matcher(name).matches() || LETTER.matcher(name).matches()) {
      return false; // "US-made", "UK-based"; single letters
    }
    for (int i = 0; i < w.size(); i++) {
      if (w.at(i).end() > start) {
        if (w.heading[i] || w.address(i)) {
          return false;
        }
        break;
      }
    }
    boolean oneWord = name.indexOf(' ') < 0;
    return !(oneWord && (cues.is("not-name", name) || cues.is("function-word", name) || cues.is("person-title", withoutStop(name))
        || capitalRole(name) || scan.lowerWords.contains(name.toLowerCase(Locale.ROOT))));
  }
}
