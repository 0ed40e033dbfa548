package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import newssearch.ner.ExpectedScores;
import org.junit.jupiter.api.Test;

/**
 * Measures enrichment against hand-made labels: topics and entities of the twelve seed articles,
 * and entities of thirty BBC articles drawn at random with a fixed seed. Prints precision and
 * recall, and fails below the floors the project promises.
 */
class EnrichmentQualityTest {
  static final Path RESOURCES = TestCorpus.home().resolve("src/test/resources/enrich");
  /** The seed of the random draw of BBC articles; the gold file lists the articles it draws. */
  static final long BBC_SEED = 4L;
  static final int BBC_SAMPLE = 30;

  private final Enricher enricher = TestCorpus.config().enricher();

  @Test
  void seedCorpusTopicsAndEntities() {
    Gold gold = Gold.read(RESOURCES.resolve("gold-seed.txt"));
    List<Article> articles = TestCorpus.read(TestCorpus.seedCorpus());
    assertEquals(12, articles.size());
    Gold.Score topics = new Gold.Score();
    Gold.Score entities = new Gold.Score();
    for (Article article : articles) {
      String key = gold.keyFor(article.origin());
      assertNotNull(key, "no gold labels for " + article.origin());
      Gold.Labels labels = gold.articles().get(key);
      EnrichedArticle enriched = enricher.enrich(article);
      topics.add(key, topicIds(enriched), labels.topics(), labels.optionalTopics());
      entities.add(key, entityLabels(enriched), labels.entities(), labels.optionalEntities());
    }
    report("seed topics", topics);
    report("seed entities", entities);
    assertAtLeast("seed.topics", topics);
    assertAtLeast("seed.entities", entities);
  }

  /**
   * The sample the rules were developed against (its errors were read while writing them): the
   * floors catch a regression; the held-out figures below say more about unseen text.
   */
  @Test
  void bbcSampleEntities() {
    assumeBbc();
    Gold.Score score = bbcEntities("gold-bbc.txt", bbcSample(BBC_SEED, BBC_SAMPLE), "BBC sample entities");
    assertAtLeast("bbc-sample.entities", score);
  }

  /**
   * Articles labelled after the rules were written, so that this figure is not one the rules were
   * fitted to. The floors are below the measured figures, to catch a regression.
   */
  @Test
  void bbcHoldoutEntities() {
    assumeBbc();
    Gold.Score score = bbcEntities("gold-bbc-holdout.txt", bbcSample(BBC_HOLDOUT_SEED, BBC_HOLDOUT), "BBC held-out entities (first 15)");
    Gold.Score second = bbcEntities("gold-bbc-holdout2.txt", bbcSecondHoldout(), "BBC held-out entities (second 15)");
    score.addAll(second);
    report("BBC held-out entities (all 30)", score);
    assertAtLeast("bbc-holdout.entities", score);
  }

  static final long BBC_HOLDOUT_SEED = 5L;
  static final int BBC_HOLDOUT = 15;
  static final long BBC_HOLDOUT2_SEED = 6L;

  /** Fifteen files drawn with {@link #BBC_HOLDOUT2_SEED}, skipping those already labelled. */
  static List<String> bbcSecondHoldout() {
    Set<String> labelled = new LinkedHashSet<>(bbcSample(BBC_SEED, BBC_SAMPLE));
    labelled.addAll(bbcSample(BBC_HOLDOUT_SEED, BBC_HOLDOUT));
    return bbcSample(BBC_HOLDOUT2_SEED, bbcFileCount()).stream().filter(f -> !labelled.contains(f)).limit(BBC_HOLDOUT).toList();
  }

  private Gold.Score bbcEntities(String goldFile, List<String> drawn, String what) {
    Gold gold = Gold.read(RESOURCES.resolve(goldFile));
    assertEquals(drawn, List.copyOf(gold.articles().keySet()), "the gold file lists the articles the seed draws");
    Gold.Score entities = new Gold.Score();
    for (String file : drawn) {
      List<Article> read = TestCorpus.read(TestCorpus.bbc().resolve(file.substring("bbc/".length())));
      assertEquals(1, read.size(), file);
      Gold.Labels labels = gold.articles().get(file);
      entities.add(file, entityLabels(enricher.enrich(read.get(0))), labels.entities(), labels.optionalEntities());
    }
    report(what, entities);
    return entities;
  }

  static int bbcFileCount() {
    try (Stream<Path> walk = Files.walk(TestCorpus.bbc())) {
      return (int) walk.filter(p -> p.toString().endsWith(".txt")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails when precision or recall is more than 0.01 below the committed expectation (ner/expected-scores.properties). */
  private static void assertAtLeast(String key, Gold.Score score) {
    double p = ExpectedScores.floor(key + ".precision");
    double r = ExpectedScores.floor(key + ".recall");
    assertTrue(score.precision() >= p && score.recall() >= r,
        score.summary(key) + String.format(" (floors: precision %.3f, recall %.3f)", p, r));
  }

  static void assumeBbc() {
    assumeTrue(TestCorpus.hasBbc(), "skipped: the BBC dataset is not at " + TestCorpus.bbc()
        + " (it is not part of the repository; set -Dnews.datasets=DIR to use another datasets folder)");
  }

  /** {@code size} BBC files ("bbc/tech/042.txt"), drawn from the sorted list with {@code seed}. */
  static List<String> bbcSample(long seed, int size) {
    assumeTrue(TestCorpus.hasBbc(), TestCorpus.bbcAbsent());
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(TestCorpus.bbc())) {
      walk.filter(p -> p.toString().endsWith(".txt"))
          .map(p -> "bbc/" + TestCorpus.bbc().relativize(p).toString().replace('\\', '/'))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Collections.shuffle(files, new Random(seed));
    return List.copyOf(files.subList(0, size));
  }

  private static Set<String> topicIds(EnrichedArticle enriched) {
    Set<String> ids = new LinkedHashSet<>();
    enriched.topics().forEach(t -> ids.add(t.id()));
    return ids;
  }

  private static Set<String> entityLabels(EnrichedArticle enriched) {
    Set<String> labels = new LinkedHashSet<>();
    enriched.entities().forEach(e -> labels.add(e.type() + " " + e.name()));
    return labels;
  }

  private static void report(String what, Gold.Score score) {
    System.out.println(score.summary(what));
    if (!what.contains("held-out")) {
      // The held-out articles' errors stay unprinted: read, they would become development data.
      score.errors.forEach(e -> System.out.println("  " + e));
    }
  }
}
