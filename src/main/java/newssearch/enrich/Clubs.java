package newssearch.enrich;

import java.util.regex.Pattern;

/** Towns that name clubs: when a place in the text is the sports club named after it. */
final class Clubs {
  private static final Pattern SCORE = Pattern.compile("\\d{1,3}-\\d{1,3}");
  private Clubs() {}

  /**
   * A town read as the club named after it, by the words around it: a player's or coach's role
   * after it ("Gloucester centre Henry Paul", "Leeds boss"), or a match word before or after it
   * ("against Newcastle", "Leicester beat Bath", "Gloucester 18-17 Bath"). Countries are left
   * alone: a national side is written as its country.
   */
  static boolean byContext(EntityCues cues, FieldWords w, int i, int end) {
    if (end < w.size() && w.gap(end - 1, end).equals(" ")) {
      Token next = w.at(end);
      String role = w.text.substring(next.start(), w.at(w.compoundEnd(end) - 1).end()); // "fly-half"
      if (cues.is("club-role", role) || cues.is("club-after", next.text()) || scoreLine(next.text())) {
        return true;
      }
    }
    return i > 0 && w.gap(i - 1, i).equals(" ") && cues.is("club-before", w.at(i - 1).text());
  }

  /**
   * Whether the name ending before word {@code to} is followed by a player's or coach's role and a
   * name: "Gloucester centre Henry Paul", "Sale Sharks prop Andrew Sheridan". Such a name is the
   * side (or firm: "Virgin boss Richard Branson") the person belongs to, an organisation.
   */
  static boolean beforeRoleAndName(EntityCues cues, FieldWords w, int to) {
    if (to >= w.size() || !w.gap(to - 1, to).equals(" ")) {
      return false;
    }
    int name = w.compoundEnd(to); // "Biarritz scrum-half Dimitri Yachvili"
    return name < w.size() && cues.is("club-role", w.text.substring(w.at(to).start(), w.at(name - 1).end()))
        && w.gap(name - 1, name).equals(" ") && w.at(name).capitalised() && !cues.is("function-word", w.at(name).text());
  }

  /** A result ("18-17", "2-1") right after a name: the name is a side. */
  private static boolean scoreLine(String word) {
    return SCORE.matcher(word).matches();
  }

  /** The index of the word that starts at {@code offset}, or -1. */
  static int wordAt(FieldWords w, int offset) {
    for (int i = 0; i < w.size(); i++) {
      if (w.at(i).start() == offset) {
        return i;
      }
    }
    return -1;
  }

  /** The index after the word that ends at {@code offset}, or -1. */
  static int wordEndingAt(FieldWords w, int offset) {
    for (int i = 0; i < w.size(); i++) {
      if (w.at(i).end() == offset) {
        return i + 1;
      }
    }
    return -1;
  }
}
