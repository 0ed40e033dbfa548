package newssearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
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

  private final Highlighter highlighter;

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
    this.highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new PassageList())
        .withMaxNoHighlightPassages(1)
        .withWeightMatches(true));
  }

  public Highlights highlight(Query query, int[] docIds) throws IOException {
    int n = docIds.length;
    Map<String, Object[]> byField = highlighter.passages(
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

  /** Titles are highlighted whole; text is cut into passages of about {@link #PASSAGE_CHARS}. */
  private static final class Highlighter extends UnifiedHighlighter {
    Highlighter(Builder builder) {
      super(builder);
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

    @Override
    protected BreakIterator getBreakIterator(String field) {
      if (Schema.TITLE.equals(field)) {
        return new WholeBreakIterator();
      }
      return LengthGoalBreakIterator.createClosestToLength(new SentenceBoundaries(), PASSAGE_CHARS, 0.5f);
    }
  }
}
