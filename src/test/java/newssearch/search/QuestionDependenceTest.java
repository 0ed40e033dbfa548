package newssearch.search;

import static newssearch.search.PlannerFixture.STATS;
import static newssearch.search.PlannerFixture.planner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question's neighbouring words rank the articles where they stand close together first (the
 * sequential dependence model, search.conf's question-dependence), and a question's words score
 * headline and text as one field (question-headline-weight).
 */
class QuestionDependenceTest {
  private static final String QUESTION = "how will battery storage change electricity prices for households";

  /** The same words in both, so word by word they score the same: only where they stand differs. */
  private static List<Article> articles() {
    String apart = "Battery makers expanded. Analysts said households face higher electricity bills, and prices of "
        + "gas rose while storage tanks filled across the region this winter.";
    String together = "Battery storage expanded. Analysts said households face higher electricity prices, and bills of "
        + "gas rose while makers tanks filled across the region this winter.";
    // The one with the words apart is indexed first: with equal scores it would come first.
    return List.of(article("apart", apart), article("together", together), article("other", "A story about tennis."));
  }

  private static Article article(String id, String text) {
    return new Article(id, "Report " + id, "metadata", text, null, "", "", List.of(), "test");
  }

  private static ArticleSearcher searcher(Path dir, MatchingRules.Dependence dependence) throws IOException {
    IndexStore store = new IndexStore(dir);
    new IndexBuilder(TestCorpus.config().analysis().index(), TestCorpus.config().enricher()).build(store, articles(), d -> {});
    MatchingRules r = TestCorpus.config().matching();
    MatchingRules.QuestionRanking q = r.questions();
    // Without feedback, whose expanded question ranks by words alone, the first ranking shows.
    MatchingRules rules = new MatchingRules(r.relaxBelow(), r.minimumMatch(), r.commonRatio(), r.optionalWords(),
        r.relaxAbove(), new MatchingRules.QuestionRanking(q.fieldTie(), 0, 0, 1, q.headlineWeight(), dependence));
    return ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy(),
        SearchLimits.DEFAULT, rules);
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  @Test
  void neighbouringWordsCloseTogetherRankFirstAndOnlyTheWordsAreHighlighted(@TempDir Path dir) throws IOException {
    try (ArticleSearcher sdm = searcher(dir.resolve("sdm"), MatchingRules.Dependence.SDM);
        ArticleSearcher words = searcher(dir.resolve("words"), MatchingRules.Dependence.NONE)) {
      SearchResult withPairs = sdm.search(SearchRequest.of(QUESTION));
      SearchResult wordsAlone = words.search(SearchRequest.of(QUESTION));
      assertEquals(List.of("apart", "together"), ids(wordsAlone), "word by word the two tie");
      assertEquals(List.of("together", "apart"), ids(withPairs), "'battery storage', 'electricity prices' side by side");
      assertEquals(wordsAlone.total(), withPairs.total(), "the pairs change the order, not what matches");
      assertEquals(wordsAlone.matching(), withPairs.matching());
      String snippet = String.join(" ", withPairs.hits().get(0).snippets());
      assertTrue(snippet.contains("<mark>Battery</mark> <mark>storage</mark>"), snippet);
      assertFalse(snippet.contains("<mark>Battery storage"), "a pair is not highlighted as one: " + snippet);
    }
  }

  @Test
  void pairsAreNeighboursWithoutStopWordsAndFitTheTermBudget() throws IOException {
    QueryPlanner planner = planner(SearchLimits.DEFAULT, TestCorpus.config().matching());
    QueryPlan.Near near = planner.plan(QUESTION, QuerySyntax.SIMPLE, STATS).question().near();
    assertNotNull(near);
    List<String> pairs = new ArrayList<>();
    near.pairs().forEach(p -> pairs.add(p.firstTerm() + " " + p.secondTerm()));
    // "how" and "will" are stop or question words: "how" is left out, "for" too.
    assertTrue(pairs.contains("batteri storag") || pairs.contains("battery storage"), pairs.toString());
    assertFalse(pairs.stream().anyMatch(p -> p.startsWith("for ") || p.endsWith(" for")), pairs.toString());
    assertEquals(0.1 / 0.85, near.ordered(), 1e-9);
    assertEquals(0.05 / 0.85, near.unordered(), 1e-9);

    // A budget with room for the words alone: no pairs, the question still runs.
    int words = QueryPlanner.terms(List.of(planner.plan(QUESTION, QuerySyntax.SIMPLE, STATS).tiers().get(1).query()));
    QueryPlanner tight = planner(new SearchLimits(SearchLimits.DEFAULT.maxQueryChars(), words + 3,
        SearchLimits.DEFAULT.maxExpandingTerms(), SearchLimits.DEFAULT.timeoutMillis()), TestCorpus.config().matching());
    QueryPlan plan = tight.plan(QUESTION, QuerySyntax.SIMPLE, STATS);
    assertNull(plan.question().near(), "four lookups a pair do not fit in three");
    assertEquals(plan.question().words().size(), planner.plan(QUESTION, QuerySyntax.SIMPLE, STATS).question().words().size());
  }

  @Test
  void aQuestionsWordsScoreHeadlineAndTextAsOneField() throws IOException {
    MatchingRules shipped = TestCorpus.config().matching();
    Query question = planner(SearchLimits.DEFAULT, shipped).plan(QUESTION, QuerySyntax.SIMPLE, STATS).question()
        .clauses().values().iterator().next();
    assertTrue(PlannerFixture.contains(question, CombinedFieldQuery.class), question.toString());

    MatchingRules.QuestionRanking q = shipped.questions();
    MatchingRules apart = new MatchingRules(shipped.relaxBelow(), shipped.minimumMatch(), shipped.commonRatio(),
        shipped.optionalWords(), shipped.relaxAbove(), new MatchingRules.QuestionRanking(q.fieldTie(), q.feedbackDocs(),
            q.feedbackTerms(), q.feedbackQueryWeight(), 0, q.dependence()));
    Query fieldByField = planner(SearchLimits.DEFAULT, apart).plan(QUESTION, QuerySyntax.SIMPLE, STATS).question()
        .clauses().values().iterator().next();
    assertFalse(PlannerFixture.contains(fieldByField, CombinedFieldQuery.class), fieldByField.toString());

    QueryPlan plan = planner(SearchLimits.DEFAULT, shipped).plan(QUESTION, QuerySyntax.SIMPLE, STATS);
    QueryPlan.Words words = plan.tiers().get(plan.tiers().size() - 1).words();
    assertEquals(2.0, words.headlineWeight(), "an engine that builds its own query is told so");
    QueryPlan apartPlan = plan.withHeadlineWeight(0);
    assertEquals(0.0, apartPlan.tiers().get(apartPlan.tiers().size() - 1).words().headlineWeight());
    assertEquals(0.0, apartPlan.question().ranking().headlineWeight());
    assertEquals(plan.question().near(), apartPlan.question().near());

    Query keyword = planner(SearchLimits.DEFAULT, shipped).plan("battery prices", QuerySyntax.SIMPLE, STATS).strict().query();
    assertFalse(PlannerFixture.contains(keyword, CombinedFieldQuery.class), "keyword queries add the fields up: " + keyword);
  }
}
