package newssearch.search;

import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.Schema;

/** A query planner with the project's analysis, and word counts that make no word rare or common. */
final class PlannerFixture {
  private PlannerFixture() {}

  /** A hundred articles, five of which have any word. */
  static final WordStats STATS = new WordStats() {
    @Override
    public int numDocs() {
      return 100;
    }

    @Override
    public int[] docFreqs(String field, List<String> terms) {
      return terms.stream().mapToInt(t -> 5).toArray();
    }
  };

  /** Whether {@code q} holds a query of {@code type}, as a clause or as a query of terms. */
  static boolean contains(org.apache.lucene.search.Query q, Class<? extends org.apache.lucene.search.Query> type) {
    boolean[] found = {false};
    q.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur,
          org.apache.lucene.search.Query parent) {
        found[0] |= type.isInstance(parent);
        return this;
      }

      @Override
      public void consumeTerms(org.apache.lucene.search.Query query, org.apache.lucene.index.Term... terms) {
        found[0] |= type.isInstance(query);
      }
    });
    return found[0];
  }

  static QueryPlanner planner(SearchLimits limits, MatchingRules rules) {
    var analyzer = Schema.analyzer(TestCorpus.config().analysis().query());
    return new QueryPlanner(analyzer, limits, rules, new QueryBuilder(analyzer));
  }
}
