package newssearch.enrich;

/**
 * Names of offices that go on after "and": "Department of Trade and Industry", "National Institute
 * of Allergy and Infectious Diseases", where "and" otherwise ends a name ("Britain and France").
 */
final class OfficeNames {
  private final EntityCues cues;

  OfficeNames(EntityCues cues) {
    this.cues = cues;
  }

  /**
   * Where the office's name of the run {@code [start, and)} ends when it goes on after the "and" at
   * {@code and}, or -1 where the "and" ends it.
   */
  int endAfterAnd(FieldWords w, int start, int and) {
    return w.joined(and) && officeOf(w, start, and) ? tail(w, and + 1) : -1;
  }

  /** Whether the run {@code [start, end)} is an office's name with "of" or "for": "Department for Work". */
  private boolean officeOf(FieldWords w, int start, int end) {
    for (int k = start + 1; k + 1 < end; k++) {
      String of = w.at(k).text();
      if ((of.equals("of") || of.equals("for")) && (cues.is("org-head", w.at(k - 1).text()) || cues.is("org-suffix", w.at(k - 1).text()))) {
        return !w.at(end - 1).text().equals("of"); // the word before "and" is a name word
      }
    }
    return false;
  }

  /**
   * The end of the one or two words after an office's "and" that finish its name ("Trade and
   * Industry", "Health and Human Services"), or -1 where they start another name: a known one,
   * a person's (a given name or a title: "and Dr Smith"), one of three words or more, or one with a
   * head of its own ("and State University").
   */
  private int tail(FieldWords w, int i) {
    if (w.matches[i - 2] != null) {
      return -1; // "University of Bristol and UC Davis": two names
    }
    int j = i;
    while (j < w.size() && j - i < 3 && w.at(j).capitalised() && w.matches[j] == null && w.joined(j - 1)
        && !cues.is("org-head", w.at(j).text()) && !cues.is("given-name", w.at(j).text())
        && !cues.is("person-title", w.at(j).text()) && !cues.is("honorific", w.at(j).text())) {
      j++;
    }
    boolean ends = j == w.size() || !w.joined(j - 1) || !w.at(j).capitalised() && !cues.is("connector", w.at(j).text());
    return j - i >= 1 && j - i <= 2 && ends ? j : -1;
  }
}
