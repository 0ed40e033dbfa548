package newssearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import newssearch.index.Schema;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;

/**
 * Completes titles and entity names from any word's prefix ("hua" finds "Huawei" and "Jensen
 * Huang"), with Lucene's AnalyzingInfixSuggester. Entities rank by the number of articles naming
 * them, above titles; titles come in index order. The entity names are indexed again for each
 * index snapshot (their counts change); the titles are indexed per segment ({@link SegmentTitles}),
 * and with a {@link SegmentTitles.Cache} once per segment, whatever the number of refreshes.
 */
final class Completions implements Closeable {
  private static final int MIN_PREFIX_CHARS = 1;
  /**
   * Longest completion offered, in chars. A longer title or name is cut at a word before it: no
   * one picks a 300-character completion, and the suggester indexes each whole value as one term,
   * which Lucene refuses past 32,766 bytes.
   */
  static final int MAX_CHARS = 200;
  /** Completes nothing: what a generation answers when its completions could not be built. */
  static final Completions NONE = new Completions(null, List.of(), List.of());

  /** Null when there is no entity. */
  private final AnalyzingInfixSuggester entities;
  /** The titles of each segment of the reader, in its order, with the reader's deletions. */
  private final List<LiveTitles> titles;
  /** Segment titles built for this reader alone (no cache), closed with it. */
  private final List<SegmentTitles> owned;

  private record LiveTitles(SegmentTitles titles, Bits live) {}

  private Completions(AnalyzingInfixSuggester entities, List<LiveTitles> titles, List<SegmentTitles> owned) {
    this.entities = entities;
    this.titles = titles;
    this.owned = owned;
  }

  /** The completions of {@code reader}, its segments' titles built for it alone. */
  static Completions build(IndexReader reader, EntityCatalog entities) throws IOException {
    return build(reader, entities, null);
  }

  /**
   * The completions of {@code reader}; the titles of each segment come from {@code cache} (built
   * there on first use), or when it is null are built for this reader alone.
   */
  static Completions build(IndexReader reader, EntityCatalog entities, SegmentTitles.Cache cache) throws IOException {
    List<LiveTitles> titles = new ArrayList<>();
    List<SegmentTitles> owned = new ArrayList<>();
    AnalyzingInfixSuggester entitySuggester = null;
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        SegmentTitles t;
        if (cache != null) {
          t = cache.of(leaf.reader());
        } else {
          t = SegmentTitles.build(leaf.reader());
          owned.add(t);
        }
        titles.add(new LiveTitles(t, leaf.reader().getLiveDocs()));
      }
      List<Entry> entries = new ArrayList<>();
      for (EntityValue v : entities.all()) {
        add(entries, v.value(), 1 + v.count(), Completion.ENTITY + "\t" + v.type());
      }
      if (!entries.isEmpty()) {
        entitySuggester = suggester(entries);
      }
    } catch (IOException | RuntimeException e) {
      for (SegmentTitles t : owned) {
        t.close();
      }
      throw e;
    }
    return new Completions(entitySuggester, List.copyOf(titles), List.copyOf(owned));
  }

  /** A suggester of {@code entries}, in memory. */
  static AnalyzingInfixSuggester suggester(List<Entry> entries) throws IOException {
    AnalyzingInfixSuggester suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(),
        Schema.plainAnalyzer(), Schema.plainAnalyzer(), MIN_PREFIX_CHARS, false);
    try {
      suggester.build(new Entries(entries));
    } catch (IOException | RuntimeException e) {
      suggester.close();
      throw e;
    }
    return suggester;
  }

  List<Completion> complete(String prefix, int n) throws IOException {
    if (prefix.isBlank() || n <= 0) {
      return List.of();
    }
    List<Completion> out = new ArrayList<>(n);
    // Entities and articles that share a name or a title are offered once.
    Set<String> seen = new HashSet<>();
    if (entities != null && entities.getCount() > 0) {
      for (Lookup.LookupResult r : entities.lookup(prefix, 2 * n, true, false)) {
        String[] payload = r.payload.utf8ToString().split("\t", 2);
        String text = r.key.toString();
        if (out.size() == n) {
          break;
        }
        if (seen.add(payload[0] + "\t" + text)) {
          out.add(new Completion(text, Completion.ENTITY, null, payload[1]));
        }
      }
    }
    for (LiveTitles t : titles) {
      if (out.size() >= n) {
        break;
      }
      t.titles().complete(prefix, t.live(), n, out, seen);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      if (entities != null) {
        entities.close();
      }
    } finally {
      for (SegmentTitles t : owned) {
        t.close();
      }
    }
  }

  record Entry(String text, long weight, String payload) {}

  static void add(List<Entry> entries, String text, long weight, String payload) {
    if (text != null && !text.isBlank()) {
      entries.add(new Entry(shortened(text), weight, payload));
    }
  }

  /** {@code text} if at most {@link #MAX_CHARS} long, else its words that fit, and an ellipsis. */
  static String shortened(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int cut = MAX_CHARS - 1;
    if (Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    int space = text.lastIndexOf(' ', cut);
    if (space > MAX_CHARS / 2) {
      cut = space;
    }
    return text.substring(0, cut).strip() + "…";
  }

  /** The entries as the suggester reads them. */
  private static final class Entries implements InputIterator {
    private final Iterator<Entry> it;
    private Entry current;

    Entries(List<Entry> entries) {
      this.it = entries.iterator();
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        return null;
      }
      current = it.next();
      return new BytesRef(current.text());
    }

    @Override
    public long weight() {
      return current.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(current.payload().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
