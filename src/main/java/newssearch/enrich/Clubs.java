package newssearch.enrich;

import java.util.Set;
import java.util.regex.Pattern;

/** Towns that name clubs: when a place in the text is the sports club named after it. */
final class Clubs {
  private static final Pattern SCORE = Pattern.compile("\\d{1,3}-\\d{1,3}");
  private static final Set<String> POSSESSIVE = Set.of("'s ", "’s ");
  private Clubs() {}

  /**
   * A town read as the club named after it, by the words around it: a player's or coach's role
   * after it ("Gloucester centre Henry Paul", "Leeds boss", "Leeds's striker Alan Smith"), a match
   * word or a result before or after it ("against Newcastle", "Leicester beat Bath", "Gloucester
   * 18-17 Bath", "Leicester's record 83-10 win"). Countries are left alone: a national side is
   * written as its country.
   */
  static boolean byContext(EntityCues cues, FieldWords w, int i, int end) {
    if (end < w.size() && w.gap(end - 1, end).equals(" ")) {
      String next = w.compoundStartingAt(end); // "fly-half", "18-17"
      if (cues.is("club-role", next) || cues.is("club-after", w.at(end).text()) || scoreLine(next)) {
        return true;
      }
    }
    if (end < w.size() && POSSESSIVE.contains(w.gap(end - 1, end)) && possessedByClub(cues, w, end)) {
      return true;
    }
    return i > 0 && w.gap(i - 1, i).equals(" ") && (cues.is("club-before", w.at(i - 1).text()) || scoreLine(w.compoundEndingAt(i - 1)));
  }

  /**
   * After a town's "'s", a player's or coach's role before a name, or a result, within a few
   * lower-case words: "Leeds's striker Alan Smith", "Leicester's record 83-10 win".
   */
  private static boolean possessedByClub(EntityCues cues, FieldWords w, int from) {
    int k = from;
    for (int words = 0; words < 3 && k < w.size(); words++) {
      String word = w.compoundStartingAt(k);
      if (scoreLine(word) || cues.is("club-role", word) && beforeName(cues, w, w.compoundEnd(k))) {
        return true;
      }
      int next = w.compoundEnd(k);
      if (next >= w.size() || !w.gap(next - 1, next).equals(" ") || w.at(k).capitalised()) {
        return false;
      }
      k = next;
    }
    return false;
  }

  /** Whether word {@code i} starts a capitalised name right after a space. */
  private static boolean beforeName(EntityCues cues, FieldWords w, int i) {
    return i < w.size() && w.gap(i - 1, i).equals(" ") && w.at(i).capitalised() && !cues.is("function-word", w.at(i).text());
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
    return cues.is("club-role", w.compoundStartingAt(to)) && beforeName(cues, w, w.compoundEnd(to)); // "Biarritz scrum-half Dimitri Yachvili"
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
