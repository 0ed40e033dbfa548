package newssearch.search;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * What a search may run, in order: first the query as written, with every word required; then,
 * when the matching rules allow it, ever looser queries, each tried only while the previous one
 * found fewer articles than the rules' threshold.
 *
 * @param tiers at least one; the first requires every word
 */
public record QueryPlan(List<Tier> tiers) {
  /**
   * One way to match the query.
   *
   * @param query what runs
   * @param matching how its words match, or null for a blank or Lucene-syntax query
   * @param onlyWhenNothing tried only when the tiers before found nothing at all (quoted
   *     phrases read as words: explicit syntax yields only to "no result")
   */
  public record Tier(Query query, Matching matching, boolean onlyWhenNothing) {}

  public QueryPlan {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a plan has at least one query");
    }
  }

  static QueryPlan strictOnly(Query query, Matching matching) {
    return new QueryPlan(List.of(new Tier(query, matching, false)));
  }

  public Tier strict() {
    return tiers.get(0);
  }
}
