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
  private final KnownNames known;
  final Set<String> lowerWords = new HashSet<>();
  final List<Found> found = new ArrayList<>();
  final List<Lone> lone = new ArrayList<>();
  final Map<String, String> texts = new HashMap<>();

  NameScan(List<FieldWords> fields, EntityCues cues, CueTypes types) {
    this.cues = cues;
    this.types = types;
    this.people = new PersonShapes(cues, types);
    this.offices = new OfficeNames(cues);
    this.known = new KnownNames(cues, types);
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

  /** Splits a run at titles and function words into known names and candidates. */
  private void pieces(FieldWords w, int from, int to) {
    boolean heading = w.heading[from];
    int i = from;
    int pieceStart = -1;
    String cue = null;
    // Whether the candidate follows a title's "of" ("Secretary of State Mike Pompeo"): its words end
    // the title, and a given name among them starts the person's name.
    boolean titleOf = false;
    while (i < to) {
      Token t = w.at(i);
      GazetteerMatch m = w.matches[i];
      boolean opener = i == from && w.sentenceStart(i);
      if (m != null && (w.shouting[i] || known.shouted(w, i, m)) && !(m.name.type().equals("place") && w.dateline(i, m.end))) {
        m = null;
      }
      if (m != null) {
        KnownNames.Absorb absorb = heading ? KnownNames.Absorb.NO : known.absorbed(w, m, pieceStart, i, to, cue);
        if (absorb == KnownNames.Absorb.NEW_NAME) {
          flush(w, pieceStart, i, cue, titleOf);
          cue = null;
          titleOf = false;
          pieceStart = i;
        }
        if (absorb != KnownNames.Absorb.NO) {
          pieceStart = pieceStart < 0 ? i : pieceStart;
          i = m.end;
          continue;
        }
        flush(w, pieceStart, i, cue, titleOf);
        pieceStart = -1;
        cue = null;
        titleOf = false;
        int merged = known.mergedEnd(w, i, m, to);
        if (merged > 0) {
          Token last = w.at(merged - 1);
          found.add(new Found(w.field, t.start(), last.end(), w.text.substring(t.start(), last.end()), "org", true, false));
          i = merged;
        } else {
          found.add(known.found(w, i, m));
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
        flush(w, pieceStart, i, cue, titleOf);
        pieceStart = -1;
        int next = i + 1 < to && w.at(i + 1).text().equals("the") ? i + 2 : i + 1; // "Speaker of the House Nancy Pelosi"
        titleOf = "person".equals(cue) && t.text().equals("of") && i > from && next < to && w.at(next).capitalised();
        cue = titleOf ? null : title;
      } else if (pieceStart < 0) {
        pieceStart = i;
      }
      i++;
    }
    flush(w, pieceStart, to, cue, titleOf);
  }

  /**
   * Turns the candidate words {@code [from, to)} into a found name or a lone word; {@code cue} is
   * the type a title before them gives, and {@code titleOf} says they follow a title's "of".
   */
  private void flush(FieldWords w, int from, int to, String cue, boolean titleOf) {
    if (from < 0) {
      return;
    }
    while (from < to && w.at(from).text().equals("the")) {
      from++; // "Speaker of the House of Representatives"
    }
    if (from < to && w.at(from).text().equals("and")) {
      from++; // "Office of the Deputy Prime Minister and Constitutional Affairs": the title's cue stops at "and"
      cue = null;
      titleOf = false;
    }
    if (titleOf) {
      int person = people.givenNameAt(w, from + 1, to);
      if (person > 0) {
        flush(w, person, to, "person", false);
        return;
      }
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
        flush(w, from, k, cue, false);
        flush(w, k + 1, to, null, false);
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
    return known.nameWord(t);
  }

  /** The entities the scan found, with short mentions resolved (see {@link EntityResolution}). */
  List<Entity> entities() {
    return new EntityResolution(found, lone, texts, cues).entities();
  }
}
