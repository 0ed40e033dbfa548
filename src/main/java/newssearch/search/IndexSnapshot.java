package newssearch.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opened index generation, or one near-real-time reader of it: its reader, searcher and facet
 * state, which is costly to build and so is built once per reader, never per request. Reference
 * counted through the reader, so a snapshot being searched stays open while a newer one replaces
 * it. Everything it keeps (facet state, browse facets, entity catalog, spelling memory,
 * completions) is of its own reader, so a refresh after live updates starts them afresh.
 */
final class IndexSnapshot {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSnapshot.class);
  /** Facet sizes whose browse facets are kept; the page asks for one or two. */
  private static final int BROWSE_FACET_SIZES = 4;

  final Path generation;
  final DirectoryReader reader;
  final IndexSearcher searcher;
  /**
   * Built on first use ({@link #facetState()}), not when the snapshot is made: it maps every facet
   * value of every segment to one ordinal (an OrdinalMap and a walk over all values), a quarter of
   * a live refresh's CPU that an article look-up does not need. The refresh starts it in the
   * background at once ({@link ServedSnapshots}), as Elasticsearch builds global ordinals lazily.
   */
  private volatile SortedSetDocValuesReaderState facetState;
  private final Object facetStateLock = new Object();
  /** Thread-safe like the highlighter it wraps, so one serves every request on this reader. */
  final Snippets snippets;
  final SpellingSuggester spelling;
  private EntityCatalog entities;
  /** Shared, so used only under this snapshot's lock: its label look-ups are not thread-safe. */
  private Facets allFacets;
  private final Map<Integer, Map<String, List<SearchResult.FacetValue>>> browseFacets = recentlyUsed(BROWSE_FACET_SIZES);
  private Completions completions;
  /** Held while completions are built, so that they are built once. */
  private final java.util.concurrent.locks.ReentrantLock building = new java.util.concurrent.locks.ReentrantLock();
  /**
   * The snapshot before this one, held (acquired) until this one's completions are built: building
   * them takes seconds on a large index, so after a refresh the suggester of the previous reader
   * answers meanwhile (missing at most the articles of the last refresh). Null when none is held.
   */
  private IndexSnapshot previous;
  /** The title completions of each segment, shared with the other snapshots of the same index. */
  private final SegmentTitles.Cache titles;

  private IndexSnapshot(Path generation, DirectoryReader reader, Analyzer analyzer, SegmentTitles.Cache titles)
      throws IOException {
    this.generation = generation;
    this.reader = reader;
    this.titles = titles;
    this.searcher = new IndexSearcher(reader);
    this.snippets = new Snippets(searcher, analyzer);
    this.spelling = new SpellingSuggester(reader);
  }

  /** Opens {@code generation}; {@code analyzer} is the one its text fields were searched with. */
  static IndexSnapshot open(Path generation, Analyzer analyzer) throws IOException {
    return open(generation, analyzer, new SegmentTitles.Cache());
  }

  /** Opens {@code generation}, its segments' title completions kept in {@code titles}. */
  static IndexSnapshot open(Path generation, Analyzer analyzer, SegmentTitles.Cache titles) throws IOException {
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
      return new IndexSnapshot(generation, reader, analyzer, titles);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * A snapshot of {@code reader}, whose reference the snapshot takes over (released with the
   * snapshot); {@code previous}, when it has built completions, answers completions until this
   * snapshot's are built.
   */
  static IndexSnapshot adopt(Path generation, DirectoryReader reader, Analyzer analyzer, IndexSnapshot previous)
      throws IOException {
    return adopt(generation, reader, analyzer, previous, new SegmentTitles.Cache());
  }

  /**
   * As above, the title completions of the reader's segments kept in {@code titles}: a refresh
   * shares most segments with the snapshot before it, whose titles are then not indexed again.
   */
  static IndexSnapshot adopt(Path generation, DirectoryReader reader, Analyzer analyzer, IndexSnapshot previous,
      SegmentTitles.Cache titles) throws IOException {
    IndexSnapshot s;
    try {
      s = new IndexSnapshot(generation, reader, analyzer, titles);
    } catch (IOException | RuntimeException e) {
      reader.decRef();
      throw e;
    }
    IndexSnapshot source = previous == null ? null : previous.completionSource();
    if (source != null && source.tryAcquire()) {
      s.previous = source;
      reader.getReaderCacheHelper().addClosedListener(key -> s.releasePrevious());
    }
    return s;
  }

  /** The snapshot whose completions this one would answer with now: itself when built, else the one it holds. */
  private synchronized IndexSnapshot completionSource() {
    return completions != null ? this : previous;
  }

  private void releasePrevious() {
    IndexSnapshot p;
    synchronized (this) {
      p = previous;
      previous = null;
    }
    if (p != null) {
      p.release();
    }
  }

  /**
   * Completions of {@code prefix}: this snapshot's when built, else the previous snapshot's while
   * this one's are built in the background ({@link ArticleSearcher}), else built now.
   */
  List<Completion> complete(String prefix, int n) throws IOException {
    Completions own;
    IndexSnapshot p;
    synchronized (this) {
      own = completions;
      p = previous;
    }
    if (own == null && p != null && p.tryAcquire()) {
      try {
        Completions older;
        synchronized (p) {
          older = p.completions;
        }
        if (older != null) {
          return older.complete(prefix, n);
        }
      } finally {
        p.release();
      }
    }
    return completions().complete(prefix, n);
  }

  /** An own searcher for one request, so its time budget and time-out flag are its own. */
  IndexSearcher searcherWithin(long timeoutMillis) {
    IndexSearcher timed = new IndexSearcher(reader);
    timed.setTimeout(new QueryTimeoutImpl(timeoutMillis));
    return timed;
  }

  /** The facet values an unfiltered search of every article lists, read once per facet size. */
  synchronized Map<String, List<SearchResult.FacetValue>> browseFacets(int facetSize, FacetReading read)
      throws IOException {
    Map<String, List<SearchResult.FacetValue>> values = browseFacets.get(facetSize);
    if (values == null) {
      values = Collections.unmodifiableMap(read.values(allFacets()));
      browseFacets.put(facetSize, values);
    }
    return values;
  }

  /** Reads facet values out of facet counts. */
  interface FacetReading {
    Map<String, List<SearchResult.FacetValue>> values(Facets counts) throws IOException;
  }

  /** The facet counts of every article of this generation, counted on first use. */
  private synchronized Facets allFacets() throws IOException {
    if (allFacets == null) {
      allFacets = new SortedSetDocValuesFacetCounts(facetState());
    }
    return allFacets;
  }

  /** The facet state of this reader, built once, by the first caller; the others wait for it. */
  SortedSetDocValuesReaderState facetState() throws IOException {
    SortedSetDocValuesReaderState state = facetState;
    if (state == null) {
      synchronized (facetStateLock) {
        state = facetState;
        if (state == null) {
          state = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
          facetState = state;
        }
      }
    }
    return state;
  }

  /** Whether the facet state is built yet. */
  boolean hasFacetState() {
    return facetState != null;
  }

  private static <K, V> Map<K, V> recentlyUsed(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The entity values of this generation, counted once. */
  synchronized EntityCatalog entities() throws IOException {
    if (entities == null) {
      entities = EntityCatalog.of(allFacets());
    }
    return entities;
  }

  /**
   * The completions of this generation, built on first use and closed with the reader; the titles
   * of segments an earlier snapshot completed from are reused.
   */
  Completions completions() {
    return completions((r, entities) -> Completions.build(r, entities, titles));
  }

  /** Builds completions from the reader and its entities. */
  interface CompletionsBuild {
    Completions build(IndexReader reader, EntityCatalog entities) throws IOException;
  }

  /**
   * The completions of this generation, built by {@code build} once. A build that fails is not
   * tried again for this generation: it would fail again on every keystroke, each time at full
   * cost. The generation completes nothing instead, and the log says why, once.
   */
  Completions completions(CompletionsBuild build) {
    synchronized (this) {
      if (completions != null) {
        return completions;
      }
    }
    // Built under a lock of its own, not this snapshot's: meanwhile complete() still reads the
    // fields and answers with the previous snapshot's completions.
    building.lock();
    try {
      synchronized (this) {
        if (completions != null) {
          return completions;
        }
      }
      Completions built;
      try {
        Completions made = build.build(reader, entities());
        reader.getReaderCacheHelper().addClosedListener(key -> made.close());
        built = made;
      } catch (IOException | RuntimeException e) {
        LOG.warn("completions of index {} could not be built; /api/suggest answers no suggestions for it",
            generation.getFileName(), e);
        built = Completions.NONE;
      }
      IndexSnapshot older;
      synchronized (this) {
        completions = built;
        older = previous;
        previous = null;
      }
      if (older != null) {
        older.release();
      }
      return built;
    } finally {
      building.unlock();
    }
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
