package newssearch.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;

/**
 * Prefix queries made once for each prefix, field and rewrite method, the most recent
 * {@value #SIZE} kept. A {@link PrefixQuery} builds its automaton when it is made, and a search for
 * {@code invest*} made one for each field it searches, for each request. The automaton depends on
 * the prefix alone, not on the index, and the query is immutable, so one query serves every search
 * for that prefix on every index generation.
 */
final class PrefixQueries {
  static final int SIZE = 1024;

  private record Key(Term term, MultiTermQuery.RewriteMethod rewrite) {}

  private final Map<Key, PrefixQuery> queries = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, PrefixQuery> eldest) {
      return size() > SIZE;
    }
  };

  /** The prefix query for {@code term}, rewritten by {@code rewrite}. */
  synchronized PrefixQuery of(Term term, MultiTermQuery.RewriteMethod rewrite) {
    return queries.computeIfAbsent(new Key(term, rewrite), k -> new PrefixQuery(k.term(), k.rewrite()));
  }

  synchronized int size() {
    return queries.size();
  }
}
