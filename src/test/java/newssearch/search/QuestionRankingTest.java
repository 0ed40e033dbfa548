package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How questions are ranked (search.conf: question-field-tie, feedback-*), over the seed corpus:
 * with pseudo-relevance feedback and without it, on one index.
 */
class QuestionRankingTest {
  private static final String QUESTION = "What did the US restrictions on Nvidia chips sold to China change for its business?";

  @TempDir static Path dir;
  static ArticleSearcher shipped;
  static ArticleSearcher noFeedback;

  @BeforeAll
  static void open() throws IOException {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    MatchingRules rules = TestCorpus.config().matching();
    MatchingRules.QuestionRanking q = rules.questions();
    MatchingRules off = new MatchingRules(rules.relaxBelow(), rules.minimumMatch(), rules.commonRatio(),
        rules.optionalWords(), rules.relaxAbove(), new MatchingRules.QuestionRanking(q.fieldTie(), 0, q.feedbackTerms(),
            q.feedbackQueryWeight(), q.headlineWeight(), q.dependence()));
    shipped = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy(),
        SearchLimits.DEFAULT, rules);
    noFeedback = ArticleSearcher.open(store, TestCorpus.config().analysis().query(), TestCorpus.config().taxonomy(),
        SearchLimits.DEFAULT, off);
  }

  @AfterAll
  static void close() {
    shipped.close();
    noFeedback.close();
  }

  private static List<String> ranked(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  @Test
  void feedbackRanksAQuestionsMatchesAgainAndChangesNothingElse() throws IOException {
    SearchRequest request = SearchRequest.of(QUESTION).withPage(1, 100);
    SearchResult with = shipped.search(request);
    SearchResult without = noFeedback.search(request);
    assertTrue(with.total() > 10, "the question matches many articles: " + with.total());
    assertEquals(without.total(), with.total());
    assertEquals(without.matching(), with.matching());
    assertEquals(without.facets(), with.facets());
    assertEquals(new HashSet<>(ranked(without)), new HashSet<>(ranked(with)), "the same articles");
    assertNotEquals(ranked(without), ranked(with), "in another order");
    // The words highlighted are the question's, not the feedback's.
    for (SearchResult.Hit hit : with.hits().subList(0, 5)) {
      SearchResult.Hit same = without.hits().stream().filter(h -> h.id().equals(hit.id())).findFirst().orElseThrow();
      assertEquals(same.snippets(), hit.snippets(), hit.id());
    }
  }

  @Test
  void feedbackIsForQuestionsRankedByRelevanceOnly() throws IOException {
    // A keyword query, and a question sorted by date, are ranked as before.
    SearchRequest keywords = SearchRequest.of("Nvidia China ban").withPage(1, 100);
    assertEquals(ranked(noFeedback.search(keywords)), ranked(shipped.search(keywords)));
    SearchRequest byDate = SearchRequest.of(QUESTION).withPage(1, 100).withSort(SortOrder.NEWEST);
    assertEquals(ranked(noFeedback.search(byDate)), ranked(shipped.search(byDate)));
  }

  @Test
  void aPageOfAQuestionIsThatPartOfTheWholeRanking() throws IOException {
    List<String> all = ranked(shipped.search(SearchRequest.of(QUESTION).withPage(1, 30)));
    List<String> second = ranked(shipped.search(SearchRequest.of(QUESTION).withPage(2, 5)));
    assertEquals(all.subList(5, 10), second);
  }

  @Test
  void aQuestionsWordsScoreTheirFieldsAsADisjunctionMaxAndKeywordsAddThemUp() throws IOException {
    QueryPlanner planner = PlannerFixture.planner(SearchLimits.DEFAULT, TestCorpus.config().matching());
    WordStats stats = PlannerFixture.STATS;
    QueryPlan question = planner.plan(QUESTION, QuerySyntax.SIMPLE, stats);
    QueryPlan.Tier loosest = question.tiers().get(question.tiers().size() - 1);
    assertTrue(PlannerFixture.contains(loosest.query(), DisjunctionMaxQuery.class), loosest.query().toString());
    assertEquals(0.3, loosest.words().fieldTie());
    assertNotNull(question.question());

    QueryPlan keywords = planner.plan("Nvidia China ban", QuerySyntax.SIMPLE, stats);
    QueryPlan.Tier relaxed = keywords.tiers().get(1);
    assertTrue(!PlannerFixture.contains(relaxed.query(), DisjunctionMaxQuery.class), relaxed.query().toString());
    assertEquals(1.0, relaxed.words().fieldTie());
    assertNull(keywords.question());
  }
}
