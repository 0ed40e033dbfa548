package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Highlighted snippets and titles over the seed corpus. */
class SnippetsTest extends SeedCorpusTest {
  /** The HTML with the mark tags taken out: nothing else may look like a tag. */
  static String withoutMarks(String html) {
    return html.replace("<mark>", "").replace("</mark>", "");
  }

  @Test
  void upToThreeEscapedPassagesOfAboutOneHundredSixtyCharacters() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("china"));
    assertTrue(r.total() > 0);
    for (SearchResult.Hit h : r.hits()) {
      assertTrue(!h.snippets().isEmpty() && h.snippets().size() <= Snippets.MAX_PASSAGES, h.id());
      for (String s : h.snippets()) {
        assertTrue(s.contains("<mark>"), s);
        assertTrue(!withoutMarks(s).contains("<") && !withoutMarks(s).contains(">"), s);
        assertTrue(withoutMarks(s).length() <= 3 * Snippets.PASSAGE_CHARS, s.length() + ": " + s);
      }
    }
  }

  @Test
  void aPhraseIsMarkedAsOneUnit() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("\"export controls\""));
    assertTrue(r.total() > 0);
    for (SearchResult.Hit h : r.hits()) {
      String all = String.join(" ", h.snippets()).toLowerCase();
      assertTrue(all.contains("<mark>export controls</mark>"), all);
    }
  }

  /**
   * Words typed without quotes are marked word by word, even where they stand together: the
   * near-phrase clause that ranks them higher there is not what the user asked to see.
   */
  @Test
  void wordsWithoutQuotesAreMarkedOneByOne() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("export controls"));
    String all = String.join(" ", r.hits().stream().flatMap(h -> h.snippets().stream()).toList()).toLowerCase();
    assertTrue(all.contains("<mark>export</mark> <mark>controls</mark>"), all);
    assertTrue(!all.contains("<mark>export controls</mark>"), all);
  }

  @Test
  void titlesAreHighlightedAndEscaped() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("nvidia"));
    SearchResult.Hit top = r.hits().get(0);
    assertTrue(top.title().toLowerCase().contains("nvidia"));
    assertTrue(top.titleHtml().toLowerCase().contains("<mark>nvidia</mark>"), top.titleHtml());
    assertEquals(Html.escape(top.title()), withoutMarks(top.titleHtml()));
  }

  @Test
  void theLeadIsTheSnippetWhenOnlyMetadataMatched() throws IOException {
    SearchResult.FacetValue entity = searcher.search(SearchRequest.browse()).facets().get("entity").get(0);
    SearchResult r = searcher.search(new SearchRequest("entity:\"" + entity.value() + "\"", QuerySyntax.LUCENE,
        List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, 10));
    assertTrue(r.total() > 0);
    for (SearchResult.Hit h : r.hits()) {
      assertEquals(1, h.snippets().size(), h.id());
      String snippet = h.snippets().get(0);
      assertTrue(!snippet.contains("<mark>"), snippet);
      String text = searcher.article(h.id()).orElseThrow().text();
      String lead = Html.escape(text).substring(0, 40);
      assertTrue(snippet.startsWith(lead), snippet + " / " + lead);
    }
  }
}
