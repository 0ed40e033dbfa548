package newssearch.enrich;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Types a discovered name by the cue words of {@code entity-cues.conf} in and around it. */
final class CueTypes {
  private static final Pattern PLURAL_ACRONYM = Pattern.compile("\\p{Lu}{2,}s");
  /** What may stand between the words of an apposition: "the company's founder", "UK-based operator". */
  private static final Set<String> APPOSITION_GAP = Set.of(" ", "'s ", "’s ", "-");
  /** FieldWords that end an apposition's head: "a spokesman for the Danish Dairy Board". */
  private static final Set<String> STOPS = Set.of("of", "for", "at", "in", "with", "who", "which", "and", "on", "to", "said");
  /** Connectors that join organisation names but not people's ("de" and "van" do both). */
  private static final Set<String> NOT_IN_PERSON_NAMES = Set.of("of", "for", "the", "and");
  /** FieldWords before a name that say it is not a person's: "the South Shropshire Hunt". */
  private static final Set<String> ARTICLES = Set.of("the", "The", "a", "A", "an", "An");
  private final EntityCues cues;

  CueTypes(EntityCues cues) {
    this.cues = cues;
  }

  /** The type cues give a discovered name of several words, or null. */
  String type(FieldWords w, int from, int to) {
    Token first = w.at(from);
    int lastWord = to - 1;
    while (lastWord > from && (w.at(lastWord).number() || FieldWords.ROMAN.contains(w.at(lastWord).text()))) {
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
      boolean givenAndSurname = lastWord == from + 1 && cues.is("given-name", first.text()) && cues.is("surname-suffix", last)
          && !afterArticle(w, from); // "the Albert Hall"
      return givenAndSurname ? "person" : "place";
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
    String before = from > 0 && w.joined(from - 1) ? wordBefore(w, from) : "";
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
    if (Clubs.beforeRoleAndName(cues, w, to) && !Countries.contains(last)) {
      return "org"; // but "Former France fly-half Thomas Castaignede": a national side is its country
    }
    if (!personLike(w, from, to)) {
      return null;
    }
    // "the Islamic Republic of Iran": after an article, not a person from a place
    return !afterArticle(w, from) && (personCue(w, from, to, before) || fromPlace(w, to)) ? "person" : null;
  }

  /**
   * The word before a name as cue words list it: the whole hyphenated word where the cues know it
   * ("scrum-half Dimitri Yachvili"), else its last part ("vice-minister Pan Yue").
   */
  private String wordBefore(FieldWords w, int from) {
    String compound = w.compoundEndingAt(from - 1);
    boolean known = cues.is("person-role", compound) || cues.is("org-role", compound) || cues.is("product-role", compound)
        || cues.is("product-verb", compound) || cues.is("person-verb", compound);
    return known ? compound : w.at(from - 1).text();
  }

  /** Whether an article ("the", "a", "an") stands right before the name at {@code from}. */
  private static boolean afterArticle(FieldWords w, int from) {
    return from > 0 && w.joined(from - 1) && ARTICLES.contains(w.at(from - 1).text());
  }

  /** "Nicole Vaidisova of the Czech Republic": a person's name followed by where they are from. */
  private boolean fromPlace(FieldWords w, int to) {
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
  String apposition(FieldWords w, int to) {
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
  private boolean personLike(FieldWords w, int from, int to) {
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

  /**
   * A speech verb before or after ("said Jason Parkinson", "Kevin Smith said"), a word only said of
   * people after it ("Ikechukwu Obi, who"), a relation only people have ("Tamsin Hollick's wife"),
   * or a given name.
   */
  private boolean personCue(FieldWords w, int from, int to, String before) {
    if (cues.is("person-verb", before) || cues.is("given-name", w.at(from).text()) || cues.is("name-word", w.at(from).text())) {
      return true;
    }
    if (to >= w.size()) {
      return false;
    }
    String gap = w.gap(to - 1, to).strip();
    String next = w.at(to).text();
    if ((cues.is("person-verb", next) || cues.is("person-after", next)) && (gap.isEmpty() || gap.equals(","))) {
      return true;
    }
    if (aged(w, to)) {
      return true;
    }
    // "Tamsin Hollick's husband": only people have these.
    return (gap.equals("'s") || gap.equals("’s")) && cues.is("person-relation", next);
  }

  /**
   * Whether the name of two to four words {@code [from, to)} is given an age in commas, as only
   * people are: "Tanvir Hussain, 24, of London", and in a list of such lines.
   */
  boolean agedPerson(FieldWords w, int from, int to) {
    return personLike(w, from, to) && aged(w, to);
  }

  private static boolean aged(FieldWords w, int to) {
    return to < w.size() && w.gap(to - 1, to).strip().equals(",") && age(w, to);
  }

  /** Whether word {@code i} is an age in apposition: a whole number up to 120 closed by a comma, semicolon, full stop or line end. */
  private static boolean age(FieldWords w, int i) {
    String s = w.at(i).text();
    if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(s) > 120 || s.startsWith("0")) {
      return false;
    }
    String after = i + 1 < w.size() ? w.gap(i, i + 1) : w.text.substring(w.at(i).end());
    String closing = after.strip();
    boolean lineEnd = closing.isEmpty() && (i + 1 == w.size() || after.contains("\n"));
    return lineEnd || closing.startsWith(",") || closing.startsWith(";") || closing.startsWith(".");
  }

  /**
   * A single word is a name only if it looks made up ("ZhiCube", "GOVLA") and follows a product
   * verb or noun ("launched ZhiCube", "AI system, GOVLA"), or follows an organisation word
   * ("security firm Clearswift").
   */
  String oneWordType(FieldWords w, int i, Set<String> lowerWords) {
    if (i == 0) {
      return null;
    }
    Token t = w.at(i);
    Token before = w.at(i - 1);
    String gap = w.gap(i - 1, i).strip();
    boolean pluralAcronym = PLURAL_ACRONYM.matcher(t.text()).matches();
    if (cues.is("org-role", before.text()) && gap.isEmpty() && !cues.is("function-word", t.text()) && !pluralAcronym) {
      return "org";
    }
    if (!w.sentenceStart(i) && !lowerWords.contains(t.text().toLowerCase(Locale.ROOT)) && Clubs.beforeRoleAndName(cues, w, i + 1)) {
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
}
