package newssearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import newssearch.index.Schema;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;

/**
 * The title completions of one index segment: every title it holds, deleted or not, in document
 * order. A segment never changes once written, only which of its documents are deleted, so this is
 * built once per segment and kept across near-real-time refreshes ({@link Cache}, keyed by the
 * segment's core cache key, as Lucene's own per-segment caches are); each snapshot checks its own
 * deletions when it reads it. A refresh after live updates thus indexes the titles of its new
 * segments only, not every title again.
 */
final class SegmentTitles implements Closeable {
  /** Completes nothing: a segment without titles. */
  private static final SegmentTitles EMPTY = new SegmentTitles(null);

  /** Null when the segment has no title. */
  private final AnalyzingInfixSuggester suggester;

  private SegmentTitles(AnalyzingInfixSuggester suggester) {
    this.suggester = suggester;
  }

  /** The titles of {@code segment}. */
  static SegmentTitles build(LeafReader segment) throws IOException {
    List<Completions.Entry> entries = new ArrayList<>();
    // Titles and ids are read as doc values: their stored fields would be decompressed with the
    // whole articles beside them. Every served index has them (see Schema.VERSION).
    BinaryDocValues titles = segment.getBinaryDocValues(Schema.TITLE_VALUE);
    SortedDocValues ids = segment.getSortedDocValues(Schema.ID);
    if (titles == null || ids == null) {
      return EMPTY;
    }
    for (int d = titles.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = titles.nextDoc()) {
      if (ids.advanceExact(d)) {
        Completions.add(entries, titles.binaryValue().utf8ToString(), 1, d + "\t" + ids.lookupOrd(ids.ordValue()).utf8ToString());
      }
    }
    if (entries.isEmpty()) {
      return EMPTY;
    }
    return new SegmentTitles(Completions.suggester(entries));
  }

  /**
   * Adds to {@code out}, until it holds {@code n}, the titles matching {@code prefix} of the
   * documents {@code live} keeps (all when null), in document order; a title already in
   * {@code seen} is offered once.
   */
  void complete(String prefix, Bits live, int n, List<Completion> out, Set<String> seen) throws IOException {
    if (suggester == null || suggester.getCount() == 0) {
      return;
    }
    // Deleted documents are skipped after the look-up: ask for more while they leave too few.
    int asked = 2 * n;
    int read = 0;
    while (out.size() < n) {
      List<Lookup.LookupResult> found = suggester.lookup(prefix, asked, true, false);
      for (int i = read; i < found.size() && out.size() < n; i++) {
        Lookup.LookupResult r = found.get(i);
        String[] payload = r.payload.utf8ToString().split("\t", 2);
        if (live != null && !live.get(Integer.parseInt(payload[0]))) {
          continue;
        }
        String text = r.key.toString();
        if (seen.add(Completion.TITLE + "\t" + text)) {
          out.add(new Completion(text, Completion.TITLE, payload[1], null));
        }
      }
      if (found.size() < asked) {
        return;
      }
      read = found.size();
      asked = (int) Math.min(Integer.MAX_VALUE / 4, (long) asked * 4);
    }
  }

  @Override
  public void close() throws IOException {
    if (suggester != null) {
      suggester.close();
    }
  }

  /**
   * The titles of each segment of the served index, built when a segment is first completed from
   * and closed with the segment's core, whichever reader held it last.
   */
  static final class Cache {
    private final Map<Object, SegmentTitles> bySegment = new HashMap<>();
    private final AtomicInteger builds = new AtomicInteger();

    /** The titles of {@code segment}, built now unless an earlier reader of the same segment built them. */
    SegmentTitles of(LeafReader segment) throws IOException {
      IndexReader.CacheHelper core = segment.getCoreCacheHelper();
      if (core == null) {
        throw new IllegalArgumentException("a segment without a core cache key cannot be cached: " + segment);
      }
      Object key = core.getKey();
      synchronized (this) {
        SegmentTitles known = bySegment.get(key);
        if (known != null) {
          return known;
        }
      }
      SegmentTitles built = build(segment);
      builds.incrementAndGet();
      synchronized (this) {
        SegmentTitles known = bySegment.get(key);
        if (known != null) {
          built.close(); // built twice at the same time: keep the first
          return known;
        }
        bySegment.put(key, built);
      }
      core.addClosedListener(closed -> {
        SegmentTitles gone;
        synchronized (this) {
          gone = bySegment.remove(closed);
        }
        if (gone != null) {
          gone.close();
        }
      });
      return built;
    }

    /** Segments whose titles were built so far: each one once, however many refreshes read it. */
    int builds() {
      return builds.get();
    }

    /** Segments whose titles are held now. */
    synchronized int size() {
      return bySegment.size();
    }
  }
}
