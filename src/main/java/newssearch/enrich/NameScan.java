package newssearch.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the names of an article's fields: gazetteer names, and runs of capitalised words that cue
 * words type (see {@link EntityTagger}). Holds the state of one article's scan.
 */
final class NameScan {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private final EntityCues cues;
  private final CueTypes types;
  private final PersonShapes people;
  private final OfficeNames offices;
  final Set<String> lowerWords = new HashSet<>();
  final List<Found> found = new ArrayList<>();
  final List<Lone> lone = new ArrayList<>();
  final Map<String, String> texts = new HashMap<>();

  NameScan(List<FieldWords> fields, EntityCues cues, CueTypes types) {
    this.cues = cues;
    this.types = types;
    this.people = new PersonShapes(cues, types);
    this.offices = new OfficeNames(cues);
    for (FieldWords w : fields) {
      for (Token t : w.tokens) {
        if (Character.isLowerCase(t.text().codePointAt(0))) {
          lowerWords.add(t.text());
        }
      }
    }
  }

  void field(FieldWords w) {
    String field = w.field;
    texts.put(field, w.text);
    int i = 0;
    while (i < w.size()) {
      if (w.address(i)) {
        i++;
        continue;
      }
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
  private int run(FieldWords w, int start) {
    int end = w.matches[start] != null ? w.matches[start].end : start + 1;
    while (end < w.size() && w.joined(end - 1) && !w.address(end)) {
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
        // "Department of Trade and Industry", not "the Department of Health and Tony Blair"
        int office = next.text().equals("and") ? offices.endAfterAnd(w, start, end) : -1;
        if (office < 0) {
          break;
        }
        end = office;
      }
    }
    return end;
  }

  private boolean nameStart(FieldWords w, int i) {
    return i < w.size() && (w.at(i).capitalised() || w.matches[i] != null);
  }

  /** The cue of the words after a title's "of" ("Secretary of State Mike Pompeo"). */
  private static final String TITLE_OF = "title-of";

  /** Splits a run at titles and function words into known names and candidates. */
  private void pieces(FieldWords w, int from, int to) {
    boolean heading = w.heading[from];
    int i = from;
    int pieceStart = -1;
    String cue = null;
    while (i < to) {
      Token t = w.at(i);
      GazetteerMatch m = w.matches[i];
      boolean opener = i == from && w.sentenceStart(i);
      if (m != null && (w.shouting[i] || shouted(w, i, m)) && !(m.name.type().equals("place") && w.dateline(i, m.end))) {
        m = null;
      }
      if (m != null) {
        Absorb absorb = heading ? Absorb.NO : absorbed(w, m, pieceStart, i, to, TITLE_OF.equals(cue) ? null : cue);
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
      boolean greeting = opener && i + 1 < to && people.greeted(w, i + 1);
      String title = followed && cues.is("person-title", t.text()) || (opener && cues.is("person-role", lower)) || greeting ? "person"
          : opener && cues.is("org-role", lower) ? "org" : null;
      boolean givenName = cues.is("name-word", t.text()) && !opener && i + 1 < to && w.gap(i, i + 1).equals(" ")
          && !cues.is("function-word", w.at(i + 1).text()) && !(i > 0 && w.joined(i - 1) && w.at(i - 1).capitalised()); // not "We Will Rock You"
      // An abbreviated title whose stop was read as the sentence's end is no name ("and Sen. Ted
      // Cruz"); a title's word written in full may be ("Queen", "Mr King").
      boolean loneTitle = pieceStart < 0 && i + 1 == to && cues.is("person-title", t.text())
          && t.end() < w.text.length() && w.text.charAt(t.end()) == '.';
      boolean skip = title != null || loneTitle || cues.is("function-word", t.text()) && !givenName || cues.is("not-name", t.text())
          || (opener && lowerWords.contains(lower)) || (pieceStart < 0 && cues.is("connector", t.text()));
      if (skip) {
        flush(w, pieceStart, i, cue);
        pieceStart = -1;
        // "Secretary of State Mike Pompeo": the words after a title's "of" end the title, and a
        // given name among them starts the person's name.
        int next = i + 1 < to && w.at(i + 1).text().equals("the") ? i + 2 : i + 1; // "Speaker of the House Nancy Pelosi"
        cue = "person".equals(cue) && t.text().equals("of") && i > from && next < to && w.at(next).capitalised() ? TITLE_OF : title;
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
  private boolean shouted(FieldWords w, int i, GazetteerMatch m) {
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
   * England"), a person's one-word alias after other name words ("Ian Harris"), or a one-word
   * place, organisation or product next to capitalised words that cues type as one name ("British
   * Airways", "Apple Powerbook 100") or that precede it ("David Rubin").
   */
  private Absorb absorbed(FieldWords w, GazetteerMatch m, int pieceStart, int at, int to, String cue) {
    boolean afterOf = pieceStart >= 0 && cues.is("connector", w.at(at - 1).text());
    if (afterOf) {
      String type = types.type(w, pieceStart, m.end);
      if (type != null && !type.equals("person")) {
        return Absorb.SAME_NAME;
      }
    }
    if (m.name.partial() && pieceStart >= 0 && !afterOf) {
      // A person's surname alias after other name words is someone else's surname: "Ian Harris"
      // is not the gazetteer's Harris.
      return Absorb.SAME_NAME;
    }
    if ("person".equals(cue) && pieceStart < 0 && m.end == at + 1 && !m.name.type().equals("place") && !m.name.type().equals("person")) {
      return Absorb.SAME_NAME; // a company's one-word name after a title is a surname: "Dr Fox", "Mr Ford"
    }
    if (m.name.listed() && (pieceStart >= 0 && !afterOf || "person".equals(cue) || continued(w, m.end, to))) {
      // A name of the lists next to other name words is part of a longer name ("Jupiter Research",
      // "Santa Clara County Superior Court", "Jeremie Aliadiere", "Mitsubishi Tokyo Financial
      // Group"), and a town after a title a surname ("Mr Shiga").
      return Absorb.SAME_NAME;
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
    String type = cue != null && !afterOf ? cue : types.type(w, at, end);
    // A country's demonym before a person's name says where they are from ("Belgian Kim Gevaert
    // said"); a place's own name may be a first name ("Milan Baros").
    boolean demonym = Countries.contains(m.name.canonical()) && !w.at(at).text().equals(m.name.canonical());
    boolean longer = end > at + 1 && type != null && !("person".equals(type) && demonym);
    return !longer ? Absorb.NO : afterOf ? Absorb.NEW_NAME : Absorb.SAME_NAME;
  }

  /**
   * The end of an organisation named by two known names together, or 0: an organisation and a
   * place ("BBC Scotland"), a place and an organisation ("Scottish Conservative Party"), or an
   * organisation of the list and another ("Vivendi Universal").
   */
  private int mergedEnd(FieldWords w, int i, GazetteerMatch m, int to) {
    if (m.end >= to || !w.gap(m.end - 1, m.end).equals(" ") || w.matches[m.end] == null || w.shouting[i]) {
      return 0;
    }
    GazetteerMatch next = w.matches[m.end];
    if (next.end > to) {
      return 0;
    }
    boolean orgPlace = m.name.type().equals("org") && next.name.type().equals("place") && next.end == m.end + 1;
    // Two organisations of which the first is only on the list: one company ("Vivendi Universal").
    boolean orgOrg = m.name.listed() && m.name.type().equals("org") && next.name.type().equals("org") && !w.shouting[m.end];
    boolean placeOrg = m.name.type().equals("place") && m.end == i + 1 && next.name.type().equals("org")
        && next.end > m.end + 1 && cues.is("org-suffix", w.at(next.end - 1).text());
    return orgPlace || placeOrg || orgOrg ? next.end : 0;
  }

  /**
   * Whether an unknown name word follows {@code end}, directly or after known names written next
   * to it ("Tokyo" in "Mitsubishi Tokyo Financial Group").
   */
  private boolean continued(FieldWords w, int end, int to) {
    int j = end;
    while (j < to && w.matches[j] != null && w.gap(j - 1, j).equals(" ") && nameWord(w.at(j)) && w.matches[j].end <= to) {
      j = w.matches[j].end;
    }
    return j < to && (j == end || w.gap(j - 1, j).equals(" ")) && candidateWord(w, j);
  }

  private boolean candidateWord(FieldWords w, int i) {
    Token t = w.at(i);
    return nameWord(t) && w.matches[i] == null && !cues.is("person-title", t.text())
        && !cues.is("function-word", t.text()) && !cues.is("not-name", t.text());
  }

  private Found known(FieldWords w, int i, GazetteerMatch m) {
    Gazetteer.Name n = m.name;
    boolean club = n.type().equals("place") && !Countries.contains(n.canonical())
        && (clubInParentheses(w, i, m.end) || Clubs.byContext(cues, w, i, m.end));
    int first = i;
    if (n.type().equals("person") && m.end > i + 1 && cues.is("person-title", w.at(i).text())) {
      first++; // "President Bush": the title is not part of the name the text mentions
    }
    Found f = new Found(w.field, w.at(first).start(), w.at(m.end - 1).end(), n.canonical(), club ? "org" : n.type(), false, n.partial());
    f.club = club;
    f.listed = n.listed() && !club;
    return f;
  }

  /**
   * A place alone in parentheses after a name, as squad lists give a player's club: "J Noon
   * (Newcastle)", "M Cueto (Sale Sharks, capt)". There it names the club, an organisation.
   */
  private static boolean clubInParentheses(FieldWords w, int i, int end) {
    if (i < 1 || end >= w.size() + 1) {
      return false;
    }
    String before = w.text.substring(w.at(i - 1).end(), w.at(i).start());
    String after = w.text.substring(w.at(end - 1).end(), end < w.size() ? w.at(end).start() : w.text.length());
    return before.strip().equals("(") && w.at(i - 1).capitalised() && w.matches[i - 1] == null
        && (after.startsWith(")") || after.startsWith(","));
  }

  /** Turns the candidate words {@code [from, to)} into a found name or a lone word. */
  private void flush(FieldWords w, int from, int to, String cue) {
    if (from < 0) {
      return;
    }
    while (from < to && w.at(from).text().equals("the")) {
      from++; // "Speaker of the House of Representatives"
    }
    if (from < to && w.at(from).text().equals("and")) {
      from++; // "Office of the Deputy Prime Minister and Constitutional Affairs": the title's cue stops at "and"
      cue = null;
    }
    if (TITLE_OF.equals(cue)) {
      int person = people.givenNameAt(w, from + 1, to);
      if (person > 0) {
        flush(w, person, to, "person");
        return;
      }
      cue = null;
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
      if (people.signature(w, from, to, lowerWords) || types.agedPerson(w, from, to)) {
        found.add(new Found(w.field, w.at(from).start(), w.at(to - 1).end(), w.text.substring(w.at(from).start(), w.at(to - 1).end()), "person", true, false));
      }
      return;
    }
    if (to - from == 2 && w.at(from + 1).number() && w.sentenceStart(from)) {
      return;
    }
    String type = cue != null ? cue : types.type(w, from, to);
    while (from < to && w.at(from).number() && !"org".equals(type)) {
      from++;
    }
    while ("person".equals(type) && to - from > 2 && cues.is("nationality-noun", w.at(from).text())) {
      from++; // "Frenchman Ronald Pognon said": the nationality is not part of the name
    }
    while ("person".equals(type) && to - from > 2 && cues.is("post-nominal", w.at(to - 1).text())) {
      to--; // "Charles Harris QC"
    }
    if (to - from < 2 && type == null || from >= to) {
      return;
    }
    first = w.at(from);
    Token last = w.at(to - 1);
    String name = SPACES.matcher(w.text.substring(first.start(), last.end())).replaceAll(" ");
    found.add(new Found(w.field, first.start(), last.end(), name, type, true, false));
  }

  private void oneWord(FieldWords w, int i, String cue) {
    Token t = w.at(i);
    boolean honorific = i > 0 && (cues.is("honorific", w.at(i - 1).text()) || people.greeted(w, i)) && w.joined(i - 1)
        || cues.is("given-name", t.text()) && w.wholeLine(i, i + 1); // a sign-off: "Vincent," alone on its line
    boolean speaker = (i > 0 && cues.is("person-verb", w.at(i - 1).text()) && w.gap(i - 1, i).equals(" "))
        || (i + 1 < w.size() && cues.is("person-verb", w.at(i + 1).text()) && w.gap(i, i + 1).equals(" "));
    lone.add(new Lone(w.field, t.start(), t.end(), t.key(), honorific, speaker));
    if (t.text().length() == 1) {
      return; // a single letter ("group C", "Plan B") is not a name of its own
    }
    String type = "org".equals(cue) ? "org" : types.oneWordType(w, i, lowerWords);
    boolean plain = !w.sentenceStart(i) && !lowerWords.contains(t.text().toLowerCase(Locale.ROOT));
    if (!w.heading[i] && (type != null || plain)) {
      // An untyped word is kept in case a list types it ("Nokia, Sagem, Sony and Thomson").
      found.add(new Found(w.field, t.start(), t.end(), t.text(), type, true, false));
    }
  }

  private boolean nameWord(Token t) {
    return (t.capitalised() || t.coinedNumber()) && !cues.is("connector", t.text());
  }

  /** Whether a known name is read as part of a discovered one, and which. */
  private enum Absorb {
    NO,
    /** It continues the candidate before it ("Bank of England", "David Rubin"). */
    SAME_NAME,
    /** It starts a new candidate ("Orin Middleton of Barclays Capital"). */
    NEW_NAME
  }

  /** The entities the scan found, with short mentions resolved (see {@link EntityResolution}). */
  List<Entity> entities() {
    return new EntityResolution(found, lone, texts, cues).entities();
  }
}
