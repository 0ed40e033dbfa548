package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import newssearch.TestCorpus;
import newssearch.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index-config/search.conf and Solr's mm syntax. */
class MatchingRulesTest {
  @TempDir Path dir;

  @Test
  void minimumMatchReadsSolrsSyntax() {
    MinimumMatch mm = MinimumMatch.parse("2<-1 5<60%");
    assertEquals(1, mm.required(1));
    assertEquals(2, mm.required(2));
    assertEquals(2, mm.required(3));
    assertEquals(4, mm.required(5));
    assertEquals(3, mm.required(6));
    assertEquals(9, mm.required(15));
    assertEquals(1, MinimumMatch.parse("1").required(10));
    assertEquals(8, MinimumMatch.parse("-25%").required(10));
    assertEquals(10, MinimumMatch.parse("100%").required(10));
    assertEquals(1, MinimumMatch.parse("-5").required(3), "never fewer than one word");
  }

  @Test
  void theShippedFileLoads() {
    MatchingRules rules = MatchingRules.load(TestCorpus.configDir());
    assertTrue(rules.relaxBelow() > 0);
    assertTrue(rules.optionalWords().contains("what"));
    assertTrue(rules.relaxAll(rules.relaxAbove() + 1), "a long question always gets its partial matches");
    assertFalse(rules.relaxAll(2), "a two-word query relaxes only below relax-below");
    assertEquals(new MatchingRules.QuestionRanking(0.3, 10, 10, 0.5, 2, MatchingRules.Dependence.SDM), rules.questions(),
        "questions: headline and text as one BM25F field, dismax tie 0.3, SDM and RM3 with Anserini's defaults");
    assertTrue(rules.questions().feedback());
  }

  @Test
  void aMissingFileMeansTheDefaults() {
    assertEquals(MatchingRules.DEFAULT, MatchingRules.load(dir));
  }

  @Test
  void questionRankingIsReadFromTheFile() throws IOException {
    Files.writeString(dir.resolve(MatchingRules.FILE),
        "question-field-tie 1\nfeedback-docs 0\nfeedback-terms 20\nfeedback-query-weight 0.7\n"
            + "question-headline-weight 0\nquestion-dependence 0.8 0.15 0\n");
    MatchingRules.QuestionRanking q = MatchingRules.load(dir).questions();
    assertEquals(new MatchingRules.QuestionRanking(1, 0, 20, 0.7, 0, new MatchingRules.Dependence(0.8, 0.15, 0)), q);
    assertFalse(q.feedback(), "feedback-docs 0 turns feedback off");
    Files.delete(dir.resolve(MatchingRules.FILE));
  }

  @Test
  void aBadLineStopsStartupWithFileAndLine() throws IOException {
    for (String bad : new String[] {"minimum-match 2<-1 lots", "relax-below -3", "relax-above -1", "relax-above six", "common-word-ratio 2",
        "minimum-match 5<1 2<-1", "relax-below many", "require everything", "question-field-tie 1.5",
        "feedback-docs -1", "feedback-docs 500", "feedback-terms ten", "feedback-query-weight 0",
        "question-headline-weight 0.5", "question-headline-weight heavy", "question-dependence 0.85 0.1",
        "question-dependence 0 0.1 0.05", "question-dependence 0.85 0.1 x", "question-dependence 0.85 -0.1 0.05"}) {
      Files.writeString(dir.resolve(MatchingRules.FILE), "# rules\nrelax-below 10\n" + bad + "\n");
      ConfigException e = assertThrows(ConfigException.class, () -> MatchingRules.load(dir), bad);
      assertEquals(3, e.line(), bad);
      assertTrue(e.getMessage().contains(MatchingRules.FILE), e.getMessage());
    }
  }
}
