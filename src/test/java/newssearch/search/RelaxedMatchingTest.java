package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching that degrades gracefully, over the seed corpus, with the shipped index-config/search.conf. */
class RelaxedMatchingTest extends SeedCorpusTest {
  private static final String NVIDIA_STORY = "digital-watch-china-digest-2025-12-08";

  static SearchResult search(String q) throws IOException {
    return searcher.search(SearchRequest.of(q).withPage(1, 100));
  }

  @Test
  void tooFewWithEveryWordRelaxesToEnoughOfThem() throws IOException {
    // The Nvidia story says "restrictions", not "ban": only the Xi article has all three words.
    SearchResult all = searcher.search(SearchRequest.of("Nvidia China ban").withPage(1, 100).withRequireAll(true));
    assertFalse(ids(all).contains(NVIDIA_STORY));
    assertEquals(Matching.ALL, all.matching().mode());

    SearchResult relaxed = search("Nvidia China ban");
    assertTrue(ids(relaxed).contains(NVIDIA_STORY), ids(relaxed).toString());
    assertTrue(ids(relaxed).containsAll(ids(all)), "the articles with every word are still found");
    assertEquals(new Matching(Matching.RELAXED, 3, 2, java.util.List.of(), all.total(), true), relaxed.matching());
    assertEquals(ids(all).iterator().next(), relaxed.hits().get(0).id(), "the article with every word ranks first");
  }

  @Test
  void articlesWithEveryWordComeFirstThenTheOthersAreAddedAfterThem() throws IOException {
    String q = "Nvidia China chips ban";
    SearchResult all = searcher.search(SearchRequest.of(q).withPage(1, 100).withRequireAll(true));
    SearchResult relaxed = search(q);
    long withAll = all.total();
    assertTrue(withAll > 0 && withAll < relaxed.total(), withAll + " of " + relaxed.total());
    assertEquals(withAll, relaxed.matching().allWords());
    assertTrue(relaxed.matching().allFirst());
    // Ranked by relevance, the articles with every word are the first ones, whatever the scores
    // of those with fewer words.
    java.util.List<String> first = relaxed.hits().subList(0, (int) withAll).stream().map(SearchResult.Hit::id).toList();
    assertEquals(ids(all), new java.util.HashSet<>(first));
    // Sorted by date, they are mixed with the others: the answer says so.
    SearchResult byDate = searcher.search(SearchRequest.of(q).withPage(1, 100).withSort(SortOrder.NEWEST));
    assertEquals(relaxed.total(), byDate.total());
    assertFalse(byDate.matching().allFirst());
    assertEquals(Matching.RELAXED, byDate.matching().mode());
  }

  @Test
  void aLongQuestionGetsArticlesWithFewerWordsRankedByRelevanceAlone() throws IOException {
    // Six words, all of them in many seed articles: more than relax-below have every word, and
    // the articles with only some of them are found too (a question is never cut to its exact
    // matches), all ranked by relevance, not those with every word first.
    String q = "China AI chips Nvidia US export";
    SearchResult all = searcher.search(SearchRequest.of(q).withPage(1, 100).withRequireAll(true));
    SearchResult r = search(q);
    assertTrue(r.total() > all.total(), all.total() + " vs " + r.total());
    assertEquals(Matching.RELAXED, r.matching().mode());
    assertFalse(r.matching().allFirst());
    assertEquals(all.total(), r.matching().allWords());
    for (int i = 1; i < r.hits().size(); i++) {
      assertTrue(r.hits().get(i - 1).score() >= r.hits().get(i).score(), "one ranking by score, at " + i);
    }
  }

  @Test
  void aWordRepeatedInAQuestionWeighsMore() throws IOException {
    // BM25 over the words of a question counts a repeated word as often as it is written, as a
    // query's bag of words does (query term frequency).
    String once = "quantum computing robots humanoid factories workers";
    String thrice = "quantum quantum quantum computing robots humanoid factories workers";
    SearchResult a = search(once);
    SearchResult b = search(thrice);
    assertEquals(Matching.RELAXED, a.matching().mode());
    assertEquals(a.matching().words(), b.matching().words(), "a repeat is not another word");
    String quantum = a.hits().stream().filter(h -> h.title().toLowerCase().contains("quantum")).findFirst().orElseThrow().id();
    String robots = a.hits().stream().filter(h -> h.title().toLowerCase().contains("robot")).findFirst().orElseThrow().id();
    assertTrue(score(b, quantum) - score(b, robots) > score(a, quantum) - score(a, robots),
        "the quantum article gains on the robot one");
  }

  private static float score(SearchResult r, String id) {
    return r.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow().score();
  }

  @Test
  void aNaturalLanguageQuestionFindsWhatItMeans() throws IOException {
    SearchResult r = search("What did the US restrictions on Nvidia chips sold to China change for its business?");
    assertTrue(r.total() > 0);
    assertEquals(Matching.RELAXED, r.matching().mode());
    assertTrue(r.matching().dropped().contains("what"), r.matching().toString());
    assertTrue(ids(r).contains(NVIDIA_STORY));
  }

  @Test
  void shortQueriesStayPreciseAndExplicitSyntaxStaysStrict() throws IOException {
    // Two words: both required, whatever the count.
    assertEquals(0, search("quantum tiktok").total());
    assertEquals(Matching.ALL, search("quantum tiktok").matching().mode());
    // A phrase stays required while it finds anything: every hit has it.
    SearchResult phrase = search("\"export controls\" chips semiconductors nvidia");
    assertTrue(phrase.total() > 0);
    for (SearchResult.Hit h : phrase.hits()) {
      ArticleView a = searcher.article(h.id()).orElseThrow();
      assertTrue((a.title() + " " + a.text()).toLowerCase().contains("export controls"), h.id());
    }
    // An excluded word stays excluded in a relaxed search.
    SearchResult excluded = search("Nvidia China ban -Xi");
    assertFalse(excluded.hits().stream().anyMatch(h -> h.id().startsWith("newscentral-xi")));
    // OR, AND and + are read as written: no relaxation.
    assertEquals(Matching.ALL, search("huawei AND nvidia AND ban").matching().mode());
  }

  @Test
  void allCapitalsQueriesAreWordsNotOperators() throws IOException {
    // Were OR an operator, "quantum OR tiktok" would find the quantum and the TikTok articles;
    // read as words the query has one more word, and no stop word blocks it.
    SearchResult capitals = search("QUANTUM COMPUTING OR CHIPS");
    SearchResult lower = search("quantum computing or chips");
    assertEquals(ids(lower), ids(capitals));
    assertEquals(Set.of(), ids(search("quantum tiktok")));
    assertTrue(search("quantum OR tiktok").total() > 0, "in a mixed-case query OR is still an operator");
  }

  @Test
  void aLongQueryIsNeverRefused() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      many.append("word").append(i).append(' ');
    }
    many.append("nvidia chips china export");
    SearchResult r = search(many.toString());
    assertNotNull(r.matching());
    assertTrue(r.matching().dropped().size() > 0, "words beyond the term budget are dropped, not refused");
    assertTrue(r.total() > 0);
  }
}
