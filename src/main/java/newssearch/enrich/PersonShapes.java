package newssearch.enrich;

import java.util.Locale;
import java.util.Set;

/**
 * Where a person's name stands by its shape rather than its words: alone on a line as a signature,
 * after a greeting, or from a given name at the end of a title's words.
 */
final class PersonShapes {
  private final EntityCues cues;
  private final CueTypes types;

  PersonShapes(EntityCues cues, CueTypes types) {
    this.cues = cues;
    this.types = types;
  }

  /** Where a name of two or three words from a given name ends {@code [from, to)}, or -1. */
  int givenNameAt(FieldWords w, int from, int to) {
    for (int j = from; j < to; j++) {
      if (cues.is("given-name", w.at(j).text())) {
        return to - j >= 2 && to - j <= 3 ? j : -1;
      }
    }
    return -1;
  }

  /**
   * Whether a line that reads like a heading is a person's name alone (or after a greeting): two
   * or three capitalised words from a given name, as signatures, bylines and quotations' authors
   * are written. A headline of the same shape ("Grace Notes") has a word the article also writes
   * in lower case.
   */
  boolean signature(FieldWords w, int from, int to, Set<String> lowerWords) {
    boolean greeted = from > 0 && cues.is("greeting", w.at(from - 1).text()) && w.wholeLine(from - 1, to);
    if (to - from < 2 || to - from > 3 || !cues.is("given-name", w.at(from).text()) || !(greeted || w.wholeLine(from, to))) {
      return false;
    }
    for (int i = from; i < to; i++) {
      String s = w.at(i).text();
      if (!w.at(i).capitalised() || (i > from && !w.joined(i - 1)) || lowerWords.contains(s.toLowerCase(Locale.ROOT))
          || cues.is("function-word", s) || cues.is("not-name", s) || w.matches[i] != null) {
        return false;
      }
    }
    return "person".equals(types.type(w, from, to)); // not "Griffin Park", a place by its last word
  }

  /** "Hi Kevin,", "Dear Louise": a given name after a greeting that opens a sentence is a person. */
  boolean greeted(FieldWords w, int i) {
    return cues.is("greeting", w.at(i - 1).text()) && w.sentenceStart(i - 1) && cues.is("given-name", w.at(i).text());
  }
}
