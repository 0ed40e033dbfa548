package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import newssearch.TestCorpus;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

class PrefixQueriesTest {
  private final QueryBuilder builder = new QueryBuilder(TestCorpus.config().analysis().query());

  @Test
  void aPrefixTypedAgainReusesItsQueriesInBothSyntaxes() {
    for (QuerySyntax syntax : QuerySyntax.values()) {
      List<PrefixQuery> first = prefixes(builder.parse("invest*", syntax));
      List<PrefixQuery> again = prefixes(builder.parse("invest*", syntax));
      assertTrue(!first.isEmpty(), syntax.toString());
      assertEquals(first.size(), again.size());
      for (int i = 0; i < first.size(); i++) {
        assertSame(first.get(i), again.get(i), syntax + ": the automaton is built once");
        assertEquals("invest", first.get(i).getPrefix().text());
      }
    }
  }

  @Test
  void keepsTheMostRecentPrefixesOnly() {
    PrefixQueries cache = new PrefixQueries();
    PrefixQuery kept = cache.of(new Term("text", "a"), MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    for (int i = 0; i < PrefixQueries.SIZE + 10; i++) {
      cache.of(new Term("text", "p" + i), MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
      cache.of(new Term("text", "a"), MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE); // used, so kept
    }
    assertEquals(PrefixQueries.SIZE, cache.size());
    assertSame(kept, cache.of(new Term("text", "a"), MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE));
  }

  private static List<PrefixQuery> prefixes(Query query) {
    List<PrefixQuery> found = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void visitLeaf(Query q) {
        if (q instanceof PrefixQuery p) {
          found.add(p);
        }
      }
    });
    return found;
  }
}
