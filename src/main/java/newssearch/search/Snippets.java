package newssearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted snippets and titles, from the offsets stored in the postings. Every passage is
 * HTML-escaped with {@code <mark>} around the matches; a phrase is marked as one unit. When the
 * text does not contain a match (the article matched on its title or entities), its lead is the
 * snippet.
 */
public final class Snippets {
  public static final int MAX_PASSAGES = 3;
  public static final int PASSAGE_CHARS = 160;

  /** What the highlighter gives for one page of hits, in hit order. */
  public record Highlights(List<String> titles, List<List<String>> snippets) {}

  private final UnifiedHighlighter.Builder builder;

  /** No highlights for {@code n} hits: titles are escaped as they are, and there are no snippets. */
  public static Highlights none(int n) {
    List<String> titles = new ArrayList<>(n);
    List<List<String>> snippets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      titles.add(null);
      snippets.add(List.of());
    }
    return new Highlights(titles, snippets);
  }

  public Snippets(IndexSearcher searcher, Analyzer analyzer) {
    this.builder = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new PassageList())
        .withMaxNoHighlightPassages(1)
        .withWeightMatches(true);
  }

  /**
   * The highlighted titles and snippets of the hits {@code docIds}, whose stored title and text
   * are in {@code docs} (the hit's own read of the document, so it is not read again here).
   */
  public Highlights highlight(Query query, int[] docIds, Document[] docs) throws IOException {
    int n = docIds.length;
    Map<Integer, Document> byDoc = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byDoc.put(docIds[i], docs[i]);
    }
    Map<String, Object[]> byField = new Highlighter(builder, byDoc).passages(
        new String[] {Schema.TITLE, Schema.TEXT}, query, docIds, new int[] {1, MAX_PASSAGES});
    List<String> titles = new ArrayList<>(n);
    List<List<String>> snippets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> title = passages(byField.get(Schema.TITLE)[i]);
      titles.add(title.isEmpty() ? null : title.get(0));
      snippets.add(passages(byField.get(Schema.TEXT)[i]));
    }
    return new Highlights(titles, snippets);
  }

  @SuppressWarnings("unchecked")
  private static List<String> passages(Object formatted) {
    return formatted == null ? List.of() : (List<String>) formatted;
  }

  /** Formats each passage on its own, so the API can return them as a list. */
  private static final class PassageList extends PassageFormatter {
    private final DefaultPassageFormatter html = new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);

    @Override
    public Object format(Passage[] passages, String content) {
      List<String> out = new ArrayList<>(passages.length);
      for (Passage p : passages) {
        out.add(html.format(new Passage[] {p}, content).strip());
      }
      return out;
    }
  }

  /**
   * Lucene's {@link PostingsOffsetStrategy} with its weight kept: made for one field of one call
   * (one page of hits, in one thread), it builds the weight of each segment once and asks it for
   * the matches of each hit in that segment. The segment's terms are seen through the same
   * field mapping as Lucene's (the fields the field matcher accepts read as the highlighted one).
   */
  private static final class WeightPerSegment extends PostingsOffsetStrategy {
    private final Map<LeafReader, LeafWeight> weights = new IdentityHashMap<>();

    private record LeafWeight(LeafReader mapped, Weight weight) {}

    WeightPerSegment(UHComponents components) {
      super(components);
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int docId, List<OffsetsEnum> results) throws IOException {
      LeafWeight w = weights.get(leaf);
      if (w == null) {
        LeafReader mapped = new FieldMappedReader(leaf, components.field(), components.fieldMatcher());
        IndexSearcher searcher = new IndexSearcher(mapped);
        searcher.setQueryCache(null);
        w = new LeafWeight(mapped, searcher.rewrite(components.query()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f));
        weights.put(leaf, w);
      }
      Matches matches = w.weight.matches(w.mapped.getContext(), docId);
      if (matches == null) {
        return;
      }
      for (String field : matches) {
        if (components.fieldMatcher().test(field)) {
          MatchesIterator iterator = matches.getMatches(field);
          if (iterator != null) {
            results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
          }
        }
      }
    }
  }

  /** A segment whose fields accepted by {@code matcher} read as {@code field}'s terms. */
  private static final class FieldMappedReader extends FilterLeafReader {
    private final String field;
    private final Predicate<String> matcher;

    FieldMappedReader(LeafReader in, String field, Predicate<String> matcher) {
      super(in);
      this.field = field;
      this.matcher = matcher;
    }

    @Override
    public Terms terms(String name) throws IOException {
      return super.terms(matcher.test(name) ? field : name);
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }

  /** Titles are highlighted whole; text is cut into passages of about {@link #PASSAGE_CHARS}. */
  private static final class Highlighter extends UnifiedHighlighter {
    private final Map<Integer, Document> docs;

    /** A highlighter of one call: cheap to make, it copies the builder's settings. */
    Highlighter(Builder builder, Map<Integer, Document> docs) {
      super(builder);
      this.docs = docs;
    }

    /** The fields from the documents the caller read, cut at the same length as Lucene's own loading. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        Document d = docs.get(doc);
        CharSequence[] byField = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String value = d.get(fields[f]);
          byField[f] = value == null ? null : value.substring(0, Math.min(getMaxLength(), value.length()));
        }
        values.add(byField);
      }
      return values;
    }

    Map<String, Object[]> passages(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }

    /** The title shows the words the query found in the headline, which is the title searched. */
    @Override
    protected java.util.function.Predicate<String> getFieldMatcher(String field) {
      if (Schema.TITLE.equals(field)) {
        return f -> Schema.TITLE.equals(f) || Schema.HEADLINE.equals(f);
      }
      return super.getFieldMatcher(field);
    }

    /**
     * Matches from one weight per segment and field for a whole page of hits: Lucene's own
     * strategy rewrites the query and builds its weight again for every hit and field, which
     * cost more than the matching itself on queries made large by synonyms and near-phrase boosts.
     */
    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
      FieldOffsetStrategy strategy = super.getOffsetStrategy(offsetSource, components);
      return strategy instanceof PostingsOffsetStrategy ? new WeightPerSegment(components) : strategy;
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      if (Schema.TITLE.equals(field)) {
        return new WholeBreakIterator();
      }
      return LengthGoalBreakIterator.createClosestToLength(new SentenceBoundaries(), PASSAGE_CHARS, 0.5f);
    }
  }
}
