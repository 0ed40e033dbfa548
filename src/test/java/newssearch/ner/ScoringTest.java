package newssearch.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading IOB columns and scoring, checked on cases small enough to count by hand. */
class ScoringTest {
  private static List<TaggedDocument> read(String text) throws IOException {
    return IobReader.read(new BufferedReader(new StringReader(text)), "test");
  }

  @Test
  void readsUniversalNerColumnsWithDocumentsAndComments() throws IOException {
    List<TaggedDocument> docs = read("""
        # newdoc id = d1
        # sent_id = s1
        # text = Tony Blair visited New York .
        1\tTony\tB-PER\t-\tx
        2\tBlair\tI-PER\t-\tx
        3\tvisited\tO\t-\t-
        4\tNew\tB-LOC\t-\tx
        5\tYork\tI-LOC\t-\tx
        6\t.\tO\t-\t-

        # newdoc id = d2
        1\tIBM\tB-ORG\t-\tx
        """);
    assertEquals(2, docs.size());
    assertEquals("d1", docs.get(0).id());
    TaggedSentence s = docs.get(0).sentences().get(0);
    assertEquals(List.of("Tony", "Blair", "visited", "New", "York", "."), s.tokens());
    assertEquals(List.of(new NameSpan(0, 2, "PER"), new NameSpan(3, 5, "LOC")), s.names());
    assertEquals(List.of(new NameSpan(0, 1, "ORG")), docs.get(1).sentences().get(0).names());
  }

  @Test
  void chunksFollowConllevalForIoTagsAndTypeChanges() throws IOException {
    // I- after O starts a name (IO files); a B- or a change of type ends one; MISC is not read.
    TaggedSentence s = read("""
        Anna I-PER
        Smith I-PER
        and O
        Rome I-LOC
        Paris B-LOC
        Telecom I-ORG
        French I-MISC
        """).get(0).sentences().get(0);
    assertEquals(List.of(new NameSpan(0, 2, "PER"), new NameSpan(3, 4, "LOC"), new NameSpan(4, 5, "LOC"),
        new NameSpan(5, 6, "ORG")), s.names());
  }

  @Test
  void wnutCorporationsAndGroupsAreOrganisationsAndItsOtherTypesAreNotNames() throws IOException {
    TaggedSentence s = read("""
        Nokia\tB-corporation
        and\tO
        Green\tB-group
        Day\tI-group
        play\tO
        Halo\tB-creative-work
        in\tO
        Leeds\tB-location
        with\tO
        Ann\tB-person
        """).get(0).sentences().get(0);
    assertEquals(List.of(new NameSpan(0, 1, "ORG"), new NameSpan(2, 4, "ORG"), new NameSpan(7, 8, "LOC"),
        new NameSpan(9, 10, "PER")), s.names());
  }

  @Test
  void mentionScoresCountExactSpanAndType() {
    MentionScore score = new MentionScore();
    List<NameSpan> gold = List.of(new NameSpan(0, 2, "PER"), new NameSpan(3, 5, "LOC"), new NameSpan(7, 8, "ORG"));
    // right; right span, wrong type; too short; spurious
    List<NameSpan> predicted = List.of(new NameSpan(0, 2, "PER"), new NameSpan(3, 5, "ORG"), new NameSpan(7, 8, "ORG"),
        new NameSpan(9, 10, "PER"));
    score.add(gold, predicted);
    // PER: 1 correct of 2 found, 1 gold. ORG: 1 correct of 2 found, 1 gold. LOC: 0 of 0 found, 1 gold.
    assertEquals(new Counts(1, 2, 1), score.type("PER"));
    assertEquals(new Counts(1, 2, 1), score.type("ORG"));
    assertEquals(new Counts(0, 0, 1), score.type("LOC"));
    Counts overall = score.overall();
    assertEquals(new Counts(2, 4, 3), overall);
    assertEquals(0.5, overall.precision(), 1e-9);
    assertEquals(2.0 / 3, overall.recall(), 1e-9);
    assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), overall.f1(), 1e-9);
    // Untyped: spans 0-2, 3-5 and 7-8 are right, 9-10 is not.
    assertEquals(new Counts(3, 4, 3), score.untyped());
  }

  @Test
  void emptyCountsScoreZeroNotNaN() {
    assertEquals(0.0, Counts.ZERO.precision());
    assertEquals(0.0, Counts.ZERO.recall());
    assertEquals(0.0, Counts.ZERO.f1());
  }

  @Test
  void nameSetsAreCountedPerDocument() {
    NameSetScore score = new NameSetScore();
    score.add(Set.of("PER Tony Blair", "LOC London"), Set.of("PER Tony Blair", "ORG London"));
    score.add(Set.of("ORG BBC"), Set.of());
    // correct 1; found 2; gold 3
    assertEquals(new Counts(1, 2, 3), score.counts());
  }

  @Test
  void engineMentionsMapBackToTokens() throws IOException {
    TaggedDocument doc = read("""
        Mr O
        Smith B-PER
        's O
        firm O
        , O
        Acme B-ORG
        Corp I-ORG
        . O
        """).get(0);
    EntityEvaluation eval = new EntityEvaluation(article -> {
      String text = article.text();
      assertEquals("Mr Smith's firm, Acme Corp.", text);
      return List.of(
          new newssearch.enrich.Entity("Smith", "person", true, List.of(new newssearch.enrich.Mention("text", 3, 8))),
          new newssearch.enrich.Entity("Acme", "org", true, List.of(new newssearch.enrich.Mention("text", 17, 21))));
    });
    eval.add(doc);
    assertEquals(new Counts(1, 1, 1), eval.mentions().type("PER"));
    assertEquals(new Counts(0, 1, 1), eval.mentions().type("ORG"));
    assertEquals(new Counts(1, 2, 2), eval.nameSets().counts());
  }
}
