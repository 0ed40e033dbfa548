package newssearch.enrich;

import java.util.Locale;

/**
 * How a name of the gazetteer found inside a run of capitalised words is read: alone, as part of a
 * longer name the scan discovers ("Bank of England", "Jupiter Research"), together with the known
 * name after it ("BBC Scotland"), or not at all (an acronym among shouted words). Used by
 * {@link NameScan}; holds no state of its own.
 */
final class KnownNames {
  private final EntityCues cues;
  private final CueTypes types;

  KnownNames(EntityCues cues, CueTypes types) {
    this.cues = cues;
    this.types = types;
  }

  /** Whether a known name is read as part of a discovered one, and which. */
  enum Absorb {
    NO,
    /** It continues the candidate before it ("Bank of England", "David Rubin"). */
    SAME_NAME,
    /** It starts a new candidate ("Orin Middleton of Barclays Capital"). */
    NEW_NAME
  }

  /**
   * Whether an acronym stands next to a word written in capitals ("WHO SITS IN JUDGEMENT?"),
   * where it is more likely a word than a name.
   */
  boolean shouted(FieldWords w, int i, GazetteerMatch m) {
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
  Absorb absorbed(FieldWords w, GazetteerMatch m, int pieceStart, int at, int to, String cue) {
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
  int mergedEnd(FieldWords w, int i, GazetteerMatch m, int to) {
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

  Found found(FieldWords w, int i, GazetteerMatch m) {
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

  /** Whether a word may be part of a name: capitalised or a coined number ("3GSM"), and no connector. */
  boolean nameWord(Token t) {
    return (t.capitalised() || t.coinedNumber()) && !cues.is("connector", t.text());
  }
}
