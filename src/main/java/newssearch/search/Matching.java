package newssearch.search;

import java.util.List;

/**
 * How a query of words was matched, as the API reports it.
 *
 * @param mode {@code all}: only articles with every word are shown; {@code relaxed}: no or too
 *     few articles had every word, so articles with at least {@code required} of them are shown
 * @param words the words that count (stop words and repeats left out)
 * @param required how many of them an article must contain
 * @param dropped words that were not required at all: the most common ones first, and those left
 *     out to keep a very long query within the term budget
 * @param allWords how many articles have every word (-1 when not counted)
 * @param allFirst true when a relaxed search ranks the articles with every word first, before
 *     the ones with fewer (by relevance; a date order mixes them)
 */
public record Matching(String mode, int words, int required, List<String> dropped, long allWords, boolean allFirst) {
  public static final String ALL = "all";
  public static final String RELAXED = "relaxed";

  public Matching(String mode, int words, int required, List<String> dropped) {
    this(mode, words, required, dropped, -1, false);
  }

  public Matching withAllWords(long count) {
    return new Matching(mode, words, required, dropped, count, allFirst);
  }

  public Matching rankedAllFirst() {
    return new Matching(mode, words, required, dropped, allWords, true);
  }
}
