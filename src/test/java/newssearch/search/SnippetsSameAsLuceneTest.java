package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of {@link Snippets} (one weight per segment for a page, the hit's own read of the
 * stored text) are those of Lucene's unified highlighter configured the same way, which builds
 * a weight per hit and reads the text itself.
 */
class SnippetsSameAsLuceneTest {
  private static final List<String> QUERIES = List.of("china", "chips export", "\"export controls\"", "nvidia OR huawei",
      "chip*", "ai", "artificial intelligence", "semiconductor -nvidia", "trade war tariffs", "market");

  @TempDir static Path dir;

  @Test
  void sameTitlesAndSnippetsAsLucenesOwnHighlighter() throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    Analyzer analyzer = Schema.analyzer(TestCorpus.config().analysis().query());
    QueryBuilder queries = new QueryBuilder(analyzer);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(store.current().orElseThrow()))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Snippets ours = new Snippets(searcher, analyzer);
      Plain lucene = new Plain(UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new OnePerPassage()).withMaxNoHighlightPassages(1).withWeightMatches(true));
      int compared = 0;
      for (String text : QUERIES) {
        Query query = queries.parse(text, QuerySyntax.SIMPLE);
        ScoreDoc[] top = searcher.search(query, 20).scoreDocs;
        int[] docIds = new int[top.length];
        Document[] docs = new Document[top.length];
        for (int i = 0; i < top.length; i++) {
          docIds[i] = top[i].doc;
          docs[i] = searcher.storedFields().document(docIds[i], Set.of(Schema.TITLE, Schema.TEXT));
        }
        Snippets.Highlights got = ours.highlight(query, docIds, docs);
        Map<String, Object[]> expected = lucene.passages(query, docIds);
        for (int i = 0; i < top.length; i++) {
          List<String> title = list(expected.get(Schema.TITLE)[i]);
          assertEquals(title.isEmpty() ? null : title.get(0), got.titles().get(i), text + ", title of hit " + i);
          assertEquals(list(expected.get(Schema.TEXT)[i]), got.snippets().get(i), text + ", snippets of hit " + i);
          compared++;
        }
      }
      assertTrue(compared > 50, "only " + compared + " hits compared");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object formatted) {
    return formatted == null ? List.of() : (List<String>) formatted;
  }

  /** Lucene's highlighter with the page's fields, passages and formatting, and nothing else changed. */
  private static final class Plain extends UnifiedHighlighter {
    Plain(Builder builder) {
      super(builder);
    }

    Map<String, Object[]> passages(Query query, int[] docIds) throws java.io.IOException {
      return highlightFieldsAsObjects(new String[] {Schema.TITLE, Schema.TEXT}, query, docIds, new int[] {1, Snippets.MAX_PASSAGES});
    }

    @Override
    protected Predicate<String> getFieldMatcher(String field) {
      return Schema.TITLE.equals(field) ? f -> Schema.TITLE.equals(f) || Schema.HEADLINE.equals(f) : super.getFieldMatcher(field);
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      return Schema.TITLE.equals(field) ? new WholeBreakIterator()
          : LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(java.util.Locale.ENGLISH),
              Snippets.PASSAGE_CHARS, 0.5f);
    }
  }

  private static final class OnePerPassage extends PassageFormatter {
    private final DefaultPassageFormatter html = new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);

    @Override
    public Object format(Passage[] passages, String content) {
      List<String> out = new ArrayList<>();
      for (Passage p : passages) {
        out.add(html.format(new Passage[] {p}, content).strip());
      }
      return out;
    }
  }
}
