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
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;

/**
 * Completes titles and entity names from any word's prefix ("hua" finds "Huawei" and "Jensen
 * Huang"), with Lucene's AnalyzingInfixSuggester. Built in memory once per index generation;
 * entities rank by the number of articles naming them, above titles.
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
  static final Completions NONE = new Completions(null);

  /** Null in {@link #NONE}. */
  private final AnalyzingInfixSuggester suggester;

  private Completions(AnalyzingInfixSuggester suggester) {
    this.suggester = suggester;
  }

  static Completions build(IndexReader reader, EntityCatalog entities) throws IOException {
    AnalyzingInfixSuggester suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(),
        Schema.plainAnalyzer(), Schema.plainAnalyzer(), MIN_PREFIX_CHARS, false);
    try {
      suggester.build(new Entries(entries(reader, entities)));
    } catch (IOException | RuntimeException e) {
      suggester.close();
      throw e;
    }
    return new Completions(suggester);
  }

  List<Completion> complete(String prefix, int n) throws IOException {
    if (suggester == null || prefix.isBlank() || suggester.getCount() == 0) {
      return List.of();
    }
    List<Completion> out = new ArrayList<>(n);
    Set<String> seen = new HashSet<>();
    // Ask for more than n: articles that share a title are offered once.
    for (Lookup.LookupResult r : suggester.lookup(prefix, 2 * n, true, false)) {
      String[] payload = r.payload.utf8ToString().split("\t", 2);
      String text = r.key.toString();
      if (out.size() == n || !seen.add(payload[0] + "\t" + text)) {
        continue;
      }
      out.add(payload[0].equals(Completion.TITLE)
          ? new Completion(text, Completion.TITLE, payload[1], null)
          : new Completion(text, Completion.ENTITY, null, payload[1]));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    if (suggester != null) {
      suggester.close();
    }
  }

  private record Entry(String text, long weight, String payload) {}

  private static List<Entry> entries(IndexReader reader, EntityCatalog entities) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (EntityValue v : entities.all()) {
      add(entries, v.value(), 1 + v.count(), Completion.ENTITY + "\t" + v.type());
    }
    StoredFields stored = reader.storedFields();
    for (var leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        Document doc = stored.document(leaf.docBase + d, Set.of(Schema.ID, Schema.TITLE));
        add(entries, doc.get(Schema.TITLE), 1, Completion.TITLE + "\t" + doc.get(Schema.ID));
      }
    }
    return entries;
  }

  private static void add(List<Entry> entries, String text, long weight, String payload) {
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
