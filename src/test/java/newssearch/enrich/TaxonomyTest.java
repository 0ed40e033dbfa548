package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.config.ConfigException;
import newssearch.ingest.Article;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {
  private final Analyzer analyzer = TestCorpus.config().analysis().index();

  @TempDir
  Path dir;

  private Taxonomy load(String conf) throws IOException {
    Files.writeString(dir.resolve(Taxonomy.FILE), conf);
    return Taxonomy.load(dir, analyzer);
  }

  private static Article article(String title, String text) {
    return new Article("a1", title, "metadata", text, null, "", "", List.of(), "test");
  }

  @Test
  void aCueThatDoesNotParseStopsWithFileLineAndParserMessage() throws IOException {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("topic chips Semiconductors\nthreshold 1\ncues chips \"export controls\n"));
    assertEquals(3, e.line());
    assertEquals(dir.resolve(Taxonomy.FILE), e.file());
    assertTrue(e.getMessage().contains("topics.conf:3"), e.getMessage());
    assertTrue(e.getMessage().contains("cues do not parse") && e.getMessage().contains("Cannot parse"), e.getMessage());
  }

  @Test
  void reasonsAreTheCuesAsWritten() throws IOException {
    Taxonomy taxonomy = load("topic trade Trade\nthreshold 2\ncues tariffs \"export controls\" sanctions\n");
    List<TopicTag> tags = new TopicTagger(taxonomy, analyzer)
        .tag(article("New tariffs", "Washington tightened its export controls on chips."));
    assertEquals(1, tags.size());
    assertEquals(List.of("tariffs", "\"export controls\""), tags.get(0).matched());
  }

  @Test
  void everyKindOfCueMatchesOnlyWhatItSays() throws IOException {
    // Cues of each kind the tagger looks up before running: a phrase whose words are all present
    // but apart, a wildcard (no term known in advance), a required pair and an optional one.
    Taxonomy taxonomy = load("topic t T\nthreshold 1\ncues \"export controls\" semicond* (+chip +ban) (wafer OR fab)\n");
    TopicTagger tagger = new TopicTagger(taxonomy, analyzer);
    assertTrue(tagger.tag(article("t", "Controls on every export were eased.")).isEmpty());
    assertEquals(List.of("\"export controls\""), tagger.tag(article("t", "New export controls.")).get(0).matched());
    assertEquals(List.of("semicond*"), tagger.tag(article("t", "Semiconductors sold well.")).get(0).matched());
    assertTrue(tagger.tag(article("t", "A chip plant opened.")).isEmpty());
    assertEquals(List.of("(+chip +ban)"), tagger.tag(article("t", "A ban on chip sales.")).get(0).matched());
    assertEquals(List.of("(wafer OR fab)"), tagger.tag(article("t", "A new fab.")).get(0).matched());
  }

  @Test
  void aStrongCueCountsItsBoostAndAWeakOneAloneIsNotEnough() throws IOException {
    Taxonomy taxonomy = load("topic chips Semiconductors\nthreshold 2\ncues semiconductors^2 chip processor\n");
    TopicTagger tagger = new TopicTagger(taxonomy, analyzer);
    assertEquals(List.of("semiconductors"), tagger.tag(article("t", "A semiconductor plant opens.")).get(0).matched());
    assertTrue(tagger.tag(article("t", "The potato chip market grew.")).isEmpty());
    assertEquals(1, tagger.tag(article("t", "A chip with a faster processor.")).size());
  }

  @Test
  void aWordAndItsPluralAreOneCue() throws IOException {
    Taxonomy taxonomy = load("topic chips Semiconductors\nthreshold 2\ncues chip chips\n");
    assertEquals(1, taxonomy.topics().get(0).cues().size());
    assertTrue(new TopicTagger(taxonomy, analyzer).tag(article("t", "chips and more chips")).isEmpty());
  }

  @Test
  void metadataTopicsAreKept() throws IOException {
    Taxonomy taxonomy = load("topic quantum Quantum computing\ncues qubits\n");
    Article given = new Article("a1", "t", "metadata", "Nothing relevant.", null, "", "", List.of("quantum"), "test");
    assertEquals(List.of("metadata"), new TopicTagger(taxonomy, analyzer).tag(given).get(0).matched());
  }

  @Test
  void theDefaultTaxonomyHasTheTwelveTopics() {
    List<String> expected = List.of(
        "ai-models: AI models & chatbots", "chips: Semiconductors", "trade: Trade & export controls",
        "regulation: Regulation & governance", "robotics: Robotics & embodied AI", "quantum: Quantum computing",
        "mobility: Electric vehicles & autonomous driving", "markets: Investment & capital markets",
        "research: Research & talent", "economy: Economy & growth",
        "geopolitics: US–China relations & geopolitics", "platforms: Consumer apps & platforms");
    List<String> actual = TestCorpus.config().taxonomy().topics().stream().map(t -> t.id() + ": " + t.label()).toList();
    assertEquals(expected, actual);
  }
}
