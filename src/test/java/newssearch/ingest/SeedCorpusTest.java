package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;

/** The bundled corpus reads cleanly: no skips, no warnings (its content is checked in SeedCorpusIngestTest). */
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
}
