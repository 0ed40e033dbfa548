package newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import newssearch.ingest.Article;
import org.junit.jupiter.api.Test;

class ScaledCorpusTest {
  private static final List<Article> SOURCES = List.of(
      article("business-001", "Profits rise", "B1.\n\nB2.\n\nB3."),
      article("sport-002", "Cup final", "S1.\n\nS2.\n\nS3.\n\nS4."),
      article("tech-003", "New phone", "T1."));

  private static Article article(String id, String title, String text) {
    return new Article(id, title, "headline", text, null, "", "", List.of(), id);
  }

  @Test
  void hasTheRequestedNumberOfArticlesWithDistinctIds() {
    ScaledCorpus corpus = new ScaledCorpus(SOURCES, 5_000, 1);
    assertEquals(5_000, corpus.size());
    Set<String> ids = new HashSet<>();
    corpus.forEach(a -> ids.add(a.id()));
    assertEquals(5_000, ids.size());
    assertEquals("scaled-000000", corpus.get(0).id());
    assertEquals("scaled-004999", corpus.get(4_999).id());
    assertThrows(IndexOutOfBoundsException.class, () -> corpus.get(5_000));
  }

  @Test
  void isTheSameEveryTimeAndFromEveryThread() {
    ScaledCorpus a = new ScaledCorpus(SOURCES, 2_000, 42);
    ScaledCorpus b = new ScaledCorpus(SOURCES, 2_000, 42);
    assertEquals(a.stream().toList(), b.parallelStream().toList());
    assertEquals(a.get(1234), a.get(1234));
  }

  @Test
  void anotherSeedGivesAnotherCorpus() {
    ScaledCorpus a = new ScaledCorpus(SOURCES, 200, 1);
    ScaledCorpus b = new ScaledCorpus(SOURCES, 200, 2);
    assertNotEquals(a.stream().map(Article::text).toList(), b.stream().map(Article::text).toList());
  }

  @Test
  void datesSpreadOverTenYears() {
    ScaledCorpus corpus = new ScaledCorpus(SOURCES, 20_000, 7);
    Set<Integer> years = new HashSet<>();
    for (Article a : corpus) {
      LocalDate day = a.date().day();
      assertTrue(!day.isBefore(LocalDate.of(2015, 1, 1)) && !day.isAfter(LocalDate.of(2024, 12, 31)), day.toString());
      years.add(day.getYear());
    }
    assertEquals(Set.copyOf(IntStream.rangeClosed(2015, 2024).boxed().toList()), years);
  }

  @Test
  void textIsTheLeadsFirstHalfThenTheDonorsSecondHalf() {
    ScaledCorpus corpus = new ScaledCorpus(SOURCES, 500, 3);
    Set<String> seen = new HashSet<>();
    for (Article a : corpus) {
      Article lead = SOURCES.stream().filter(s -> s.title().equals(a.title())).findFirst().orElseThrow();
      String[] leadParagraphs = lead.text().split("\n\n");
      String[] paragraphs = a.text().split("\n\n");
      int fromLead = (leadParagraphs.length + 1) / 2;
      for (int i = 0; i < fromLead; i++) {
        assertEquals(leadParagraphs[i], paragraphs[i]);
      }
      seen.add(a.text());
      assertEquals(ScaledCorpus.SOURCE, a.source());
    }
    // Three sources give nine lead/donor pairs; all of them occur in 500 draws.
    assertEquals(9, seen.size());
  }

  @Test
  void needsSources() {
    assertThrows(IllegalArgumentException.class, () -> new ScaledCorpus(List.of(), 10, 1));
  }
}
