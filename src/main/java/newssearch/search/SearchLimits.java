package newssearch.search;

/**
 * What one search may cost. A query beyond the first three is refused with a 400; a search
 * that runs out of time returns what it found so far, flagged partial.
 *
 * @param maxQueryChars longest {@code q}
 * @param maxTerms most term lookups a query may make after synonyms and fields are expanded
 * @param maxExpandingTerms most wildcard, prefix, regular expression and fuzzy terms
 * @param timeoutMillis time budget of one search
 */
public record SearchLimits(int maxQueryChars, int maxTerms, int maxExpandingTerms, long timeoutMillis) {
  public static final SearchLimits DEFAULT = new SearchLimits(4000, 300, 30, 2000);

  public SearchLimits withTimeoutMillis(long millis) {
    return new SearchLimits(maxQueryChars, maxTerms, maxExpandingTerms, millis);
  }
}
