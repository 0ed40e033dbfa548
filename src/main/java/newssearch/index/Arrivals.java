package newssearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * When each article of the served generation arrived, so that a rebuild keeps those times: an
 * article does not become "new" to feeds because the index was built again.
 */
final class Arrivals {
  private Arrivals() {}

  /** Arrival times (epoch milliseconds) by id; empty when there is no index or it predates arrival times. */
  static Map<String, Long> of(Optional<Path> generation) throws IOException {
    Map<String, Long> arrivals = new HashMap<>();
    if (generation.isEmpty()) {
      return arrivals;
    }
    try (FSDirectory dir = FSDirectory.open(generation.get()); DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues ids = leaf.reader().getSortedDocValues(Schema.ID);
        SortedNumericDocValues at = leaf.reader().getSortedNumericDocValues(Schema.INDEXED_AT);
        if (ids == null || at == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = at.nextDoc(); doc != SortedNumericDocValues.NO_MORE_DOCS; doc = at.nextDoc()) {
          if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
            arrivals.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), at.nextValue());
          }
        }
      }
    } catch (IOException e) {
      // An unreadable old index gives no times: its articles count as arriving now.
      return new HashMap<>();
    }
    return arrivals;
  }
}
