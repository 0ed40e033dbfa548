package newssearch.search;

import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * What a query costs to run, as {@link SearchLimits} counts it: the terms it looks up, and the
 * wildcard, prefix, regular expression and fuzzy patterns it expands.
 */
record QueryCost(int terms, int expanding) {

  static QueryCost of(Query query) {
    int[] terms = {0};
    int[] expanding = {0};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... t) {
        terms[0] += t.length;
      }

      @Override
      public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
        expanding[0]++;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return new QueryCost(terms[0], expanding[0]);
  }
}
