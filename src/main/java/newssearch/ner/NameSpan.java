package newssearch.ner;

/**
 * A name in a tokenized sentence: tokens {@code [start, end)} and its type, one of {@link NerTypes#TAGS}.
 */
public record NameSpan(int start, int end, String type) {
  public NameSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
    }
  }
}
