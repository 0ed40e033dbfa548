package newssearch.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * English sentence boundaries, found once per text and then answered by binary search. The
 * highlighter asks for the boundary before and after every match; the JDK's rule-based iterator
 * would scan the text anew for each of those questions.
 */
final class SentenceBoundaries extends BreakIterator {
  private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
  private CharacterIterator text;
  private int[] bounds = {0};
  private int current;

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    sentences.setText(newText);
    int[] found = new int[16];
    int n = 0;
    for (int b = sentences.first(); b != DONE; b = sentences.next()) {
      if (n == found.length) {
        found = Arrays.copyOf(found, n * 2);
      }
      found[n++] = b;
    }
    bounds = Arrays.copyOf(found, n);
    current = 0;
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  @Override
  public int first() {
    current = 0;
    return bounds[0];
  }

  @Override
  public int last() {
    current = bounds.length - 1;
    return bounds[current];
  }

  @Override
  public int next(int n) {
    int target = current + n;
    if (target < 0 || target >= bounds.length) {
      current = target < 0 ? 0 : bounds.length - 1;
      return DONE;
    }
    current = target;
    return bounds[current];
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
    int i = Arrays.binarySearch(bounds, offset);
    i = i >= 0 ? i + 1 : -i - 1;
    if (i >= bounds.length) {
      current = bounds.length - 1;
      return DONE;
    }
    current = i;
    return bounds[i];
  }

  @Override
  public int preceding(int offset) {
    int i = Arrays.binarySearch(bounds, offset);
    i = i >= 0 ? i - 1 : -i - 2;
    if (i < 0) {
      current = 0;
      return DONE;
    }
    current = i;
    return bounds[i];
  }

  @Override
  public int current() {
    return bounds[current];
  }
}
