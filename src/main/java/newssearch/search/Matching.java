package newssearch.search;

import java.util.List;

/**
 * How a query of words was matched, as the API reports it.
 *
 * @param mode {@code all}: every word was required; {@code relaxed}: no or too few articles had
 *     every word, so articles with at least {@code required} of them are shown
 * @param words the words that count (stop words and repeats left out)
 * @param required how many of them an article must contain
 * @param dropped words that were not required at all: the most common ones first, and those left
 *     out to keep a very long query within the term budget
 */
public record Matching(String mode, int words, int required, List<String> dropped) {
  public static final String ALL = "all";
  public static final String RELAXED = "relaxed";
}
