package newssearch.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * English sentence boundaries, found as far into the text as they are asked for and then
 * answered by binary search. The highlighter asks for the boundary before and after every match;
 * the JDK's rule-based iterator would scan the text anew for each of those questions, and a text
 * whose matches all lie early is not scanned to its end.
 */
final class SentenceBoundaries extends BreakIterator {
  private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
  private CharacterIterator text;
  /** The boundaries found so far, in order: {@code found[0..n)}. */
  private int[] found = {0};
  private int n = 1;
  /** Whether every boundary of the text is in {@link #found}. */
  private boolean complete = true;
  private int current;

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    sentences.setText(newText);
    found = new int[16];
    found[0] = sentences.first();
    n = 1;
    complete = false;
    current = 0;
  }

  /** Finds boundaries until one lies beyond {@code offset} or the text ends. */
  private void findBeyond(int offset) {
    while (!complete && found[n - 1] <= offset) {
      findNext();
    }
  }

  /** Finds boundaries until there are more than {@code index} or the text ends. */
  private void findIndex(int index) {
    while (!complete && n <= index) {
      findNext();
    }
  }

  private void findNext() {
    int b = sentences.next();
    if (b == DONE) {
      complete = true;
      return;
    }
    if (n == found.length) {
      found = Arrays.copyOf(found, n * 2);
    }
    found[n++] = b;
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  @Override
  public int first() {
    current = 0;
    return found[0];
  }

  @Override
  public int last() {
    findIndex(Integer.MAX_VALUE);
    current = n - 1;
    return found[current];
  }

  @Override
  public int next(int k) {
    int target = current + k;
    if (target >= n) {
      findIndex(target);
    }
    if (target < 0 || target >= n) {
      if (target >= n) {
        findIndex(Integer.MAX_VALUE);
      }
      current = target < 0 ? 0 : n - 1;
      return DONE;
    }
    current = target;
    return found[current];
  }

  @Override
  public int next() {
    return next(1);
  }

  @Override
  public int previous() {
    return next(-1);
  }

  @Override
  public int following(int offset) {
    findBeyond(offset);
    int i = Arrays.binarySearch(found, 0, n, offset);
    i = i >= 0 ? i + 1 : -i - 1;
    if (i >= n) {
      current = n - 1;
      return DONE;
    }
    current = i;
    return found[i];
  }

  @Override
  public int preceding(int offset) {
    findBeyond(offset - 1);
    int i = Arrays.binarySearch(found, 0, n, offset);
    i = i >= 0 ? i - 1 : -i - 2;
    if (i < 0) {
      current = 0;
      return DONE;
    }
    current = i;
    return found[i];
  }

  @Override
  public int current() {
    return found[current];
  }
}
