package newssearch.search;

import java.io.IOException;
import java.nio.file.Path;
import newssearch.index.Schema;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * One opened index generation: its reader, searcher and facet state, which is costly to build and
 * so is built once per reader, never per request. Reference counted through the reader, so a
 * snapshot being searched stays open while a newer one replaces it.
 */
final class IndexSnapshot {
  final Path generation;
  final DirectoryReader reader;
  final IndexSearcher searcher;
  final SortedSetDocValuesReaderState facetState;
  private EntityCatalog entities;
  private Completions completions;

  private IndexSnapshot(Path generation, DirectoryReader reader) throws IOException {
    this.generation = generation;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.facetState = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
  }

  static IndexSnapshot open(Path generation) throws IOException {
    FSDirectory directory = FSDirectory.open(generation);
    DirectoryReader reader;
    try {
      reader = DirectoryReader.open(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    reader.getReaderCacheHelper().addClosedListener(key -> directory.close());
    try {
      return new IndexSnapshot(generation, reader);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** An own searcher for one request, so its time budget and time-out flag are its own. */
  IndexSearcher searcherWithin(long timeoutMillis) {
    IndexSearcher timed = new IndexSearcher(reader);
    timed.setTimeout(new QueryTimeoutImpl(timeoutMillis));
    return timed;
  }

  /** The entity values of this generation, counted once. */
  synchronized EntityCatalog entities() throws IOException {
    if (entities == null) {
      entities = EntityCatalog.of(facetState);
    }
    return entities;
  }

  /** The completions of this generation, built on first use and closed with the reader. */
  synchronized Completions completions() throws IOException {
    if (completions == null) {
      Completions built = Completions.build(reader, entities());
      reader.getReaderCacheHelper().addClosedListener(key -> built.close());
      completions = built;
    }
    return completions;
  }

  boolean tryAcquire() {
    return reader.tryIncRef();
  }

  void release() {
    try {
      reader.decRef();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
