package newssearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * How common words are in the searched articles: what a query plan ({@link QueryPlanner}) and
 * did-you-mean ({@link SpellingSuggester}) decide by. The embedded engine reads it from its
 * index; an engine elsewhere (Solr) counts it there, all words in one request.
 */
public interface WordStats {
  /** Articles searched. */
  int numDocs() throws IOException;

  /** How many articles have each of {@code terms} (analysed terms of {@code field}), in order. */
  int[] docFreqs(String field, List<String> terms) throws IOException;

  /** The statistics of an index reader: Lucene's document frequencies. */
  static WordStats of(IndexReader reader) {
    return new WordStats() {
      @Override
      public int numDocs() {
        return reader.numDocs();
      }

      @Override
      public int[] docFreqs(String field, List<String> terms) throws IOException {
        int[] out = new int[terms.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = reader.docFreq(new Term(field, terms.get(i)));
        }
        return out;
      }
    };
  }
}
