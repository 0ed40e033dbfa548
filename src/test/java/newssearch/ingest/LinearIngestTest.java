package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest takes time in proportion to its input (issue 13, case 8). The inputs are big enough that
 * the quadratic code this replaced took minutes (160,000 entities: 105 s; 300,000 nested divs:
 * far longer, 80,000 already took 20 s); the time-outs are many times what linear code needs,
 * so they catch a regression without timing anything closely.
 */
class LinearIngestTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aRecordWithHugeNumbersOfEntitiesIsReadInLinearTimeAndCapped() throws IOException {
    StringBuilder line = new StringBuilder("{\"id\": \"many\", \"text\": \"The summit named every delegate.\", \"entities\": [");
    for (int i = 0; i < 160_000; i++) {
      line.append(i == 0 ? "" : ",").append("\"person:Delegate ").append(i).append('"');
    }
    line.append("]}\n");
    Files.writeString(dir.resolve("many.jsonl"), line);
    IngestRules rules = TestCorpus.config().ingest();
    IngestReport report = new IngestReport();

    List<Article> articles = CorpusReader.standard(rules).read(List.of(dir), report);

    assertEquals(1, articles.size());
    assertEquals(rules.maxEntitiesPerRecord(), articles.get(0).entities().size());
    assertEquals("person:Delegate 1", articles.get(0).entities().get(1));
    assertTrue(report.messages().contains(dir.resolve("many.jsonl") + ":1: 160000 entities, kept the first "
        + rules.maxEntitiesPerRecord() + " (max-entities-per-record in ingest.conf)"), report.messages().toString());
    // And the capped article enriches quickly enough to index.
    assertEquals(rules.maxEntitiesPerRecord(), TestCorpus.config().enricher().enrich(articles.get(0)).article().entities().size());
  }

  @Test
  void theEntityCapComesFromIngestConf(@TempDir Path config) throws IOException {
    Files.writeString(config.resolve("ingest.conf"), "max-entities-per-record 2\n");
    Files.writeString(dir.resolve("few.jsonl"), "{\"text\": \"Talks.\", \"entities\": [\"a\", \"b\", \"c\"]}\n");
    List<Article> articles = CorpusReader.standard(IngestRules.load(config)).read(List.of(dir), new IngestReport());
    assertEquals(List.of("a", "b"), articles.get(0).entities());
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void deeplyNestedHtmlIsReadInLinearTime() throws IOException {
    StringBuilder page = new StringBuilder("<html><body>");
    page.append("<div>".repeat(300_000)).append("<p>Harbour workers voted on the contract.</p>");
    Files.writeString(dir.resolve("nested.html"), page);
    IngestReport report = new IngestReport();

    List<Article> articles = CorpusReader.standard(TestCorpus.config().ingest()).read(List.of(dir), report);

    assertEquals(1, articles.size(), report.messages().toString());
    assertEquals("Harbour workers voted on the contract.", articles.get(0).text());
  }

  @Test
  void aBlockInsideABlockIsReadWithIt() throws IOException {
    Files.writeString(dir.resolve("quote.html"), "<html><body><article><p>Lead paragraph.</p>"
        + "<blockquote><p>Quoted</p><p>words.</p></blockquote><ul><li>One <p>two</p></li></ul></article></body></html>");
    List<Article> articles = CorpusReader.standard(TestCorpus.config().ingest()).read(List.of(dir), new IngestReport());
    assertEquals("Lead paragraph.\n\nQuoted words.\n\nOne two", articles.get(0).text());
  }
}
