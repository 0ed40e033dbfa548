package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;

/** The bundled corpus reads as before: the general formats change nothing for text files with metadata. */
class SeedCorpusTest {
  private static final IngestFixtures.Ingested SEED =
      IngestFixtures.ingest(CorpusReader.standard(TestCorpus.config().ingest()), TestCorpus.seedCorpus());

  @Test
  void twelveArticlesFromThreeFiles() {
    assertEquals(3, SEED.report().filesRead());
    assertEquals(12, SEED.articles().size());
    assertEquals(0, SEED.report().skippedTotal());
    assertEquals(List.of(), SEED.report().messages());
  }

  @Test
  void metadataTitlesAndDatesApply() {
    Article xi = SEED.byId().get("newscentral-xi-ai-chips-2025-04");
    assertEquals("Xi Urges China To Overcome AI Chip Challenges", xi.title());
    assertEquals("metadata", xi.titleOrigin());
    assertEquals(LocalDate.of(2025, 4, 26), xi.date().day());
    assertEquals(DatePrecision.DAY, xi.date().precision());
    assertEquals("News Central", xi.source());

    Article digestFirst = SEED.byId().get("digital-watch-china-digest-2025-12-01");
    assertEquals(DatePrecision.MONTH, digestFirst.date().precision());
    assertEquals("derived", digestFirst.titleOrigin());
    assertEquals("Digital Watch", digestFirst.source());
  }
}
