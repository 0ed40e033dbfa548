package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;

/** The bundled corpus comes out as the twelve articles of its metadata, clean. */
class SeedCorpusIngestTest {
  private static final String DIGEST = "digital-watch-china-digest-2025-12";
  private static final String WAIC = "techtoday-waic-shanghai-2025-07";
  private static final String XI = "newscentral-xi-ai-chips-2025-04";

  private final List<Article> articles = TestCorpus.read(TestCorpus.seedCorpus());
  private final Map<String, Article> byId =
      articles.stream().collect(Collectors.toMap(Article::id, Function.identity()));

  @Test
  void digestIsSplitIntoTenArticlesAndTheOtherFilesAreOneEach() {
    assertEquals(12, articles.size());
    for (int i = 1; i <= 10; i++) {
      assertTrue(byId.containsKey(DIGEST + "-" + String.format("%02d", i)), "digest article " + i);
    }
    assertTrue(byId.containsKey(WAIC));
    assertTrue(byId.containsKey(XI));
  }

  @Test
  void digestArticlesStartWhereTheNewsletterLineEnded() {
    assertTrue(byId.get(DIGEST + "-01").text().startsWith("China is closing 2025 with renewed confidence"));
    assertTrue(byId.get(DIGEST + "-08").text().startsWith("The US tech giant NVIDIA has largely remained shut out"));
    assertTrue(byId.get(DIGEST + "-10").text().startsWith("Huawei Technologies is intensifying its AI strategy"));
  }

  @Test
  void noArticleKeepsTheNewsletterBoilerplateInAnyOfItsVariants() {
    for (Article a : articles) {
      assertFalse(a.text().contains("Diplo chatbot"), a.id());
      assertFalse(a.text().contains("Would you like to learn more"), a.id());
    }
  }

  @Test
  void tableRuleLineIsDroppedAndTheTableWordsAreKept() {
    String text = byId.get(WAIC).text();
    assertFalse(text.contains("---"), "rule line");
    assertFalse(text.contains("|"), "pipes");
    assertTrue(text.contains("Key Participants: Huawei, Alibaba, Tencent, Tesla, Alphabet, Amazon"));
    assertTrue(text.contains("Notable Startups: DeepSeek, Unitree (humanoid robotics)"));
  }

  @Test
  void paragraphBreakInsideAnArticleDoesNotSplitIt() {
    String text = byId.get(XI).text();
    assertTrue(text.startsWith("According to state media reports on Saturday"));
    assertTrue(text.contains("Since the launch of ChatGPT in November 2022"));
    assertTrue(text.endsWith("could be accessible to Chinese authorities."));
    assertTrue(text.contains("\n\n"), "paragraphs are kept");
  }

  @Test
  void titlesComeFromMetadataThenHeadlineThenLeadSentence() {
    assertEquals("Global Tech Firms Gather in Shanghai to Showcase AI Breakthroughs Amid U.S. Sanctions", byId.get(WAIC).title());
    assertEquals("metadata", byId.get(WAIC).titleOrigin());
    assertFalse(byId.get(WAIC).text().startsWith("Global Tech Firms Gather"), "the headline line is not repeated in the text");
    assertEquals("Xi Urges China To Overcome AI Chip Challenges", byId.get(XI).title());
    assertEquals("ByteDance prepares major AI investment for 2026", byId.get(DIGEST + "-07").title());
    assertEquals("Nvidia seeks China market access as US eases AI chip restrictions", byId.get(DIGEST + "-08").title());

    Article quantum = byId.get(DIGEST + "-05");
    assertEquals("derived", quantum.titleOrigin());
    assertEquals("Chinese researchers have reported a significant advance in quantum computing using a superconducting system", quantum.title());
    Article review = byId.get(DIGEST + "-01");
    assertTrue(review.title().startsWith("China is closing 2025 with renewed confidence"));
    assertTrue(review.title().endsWith("…") && review.title().length() <= Titles.MAX_DERIVED_CHARS, review.title());
  }

  @Test
  void datesPrecisionAndSourcesComeFromTheMetadata() {
    assertEquals(LocalDate.of(2025, 7, 25), byId.get(WAIC).date().day());
    assertEquals(DatePrecision.DAY, byId.get(WAIC).date().precision());
    assertEquals(LocalDate.of(2025, 4, 26), byId.get(XI).date().day());
    assertEquals(LocalDate.of(2025, 12, 30), byId.get(DIGEST + "-01").date().day());
    assertEquals(DatePrecision.MONTH, byId.get(DIGEST + "-01").date().precision());
    assertEquals(LocalDate.of(2025, 12, 29), byId.get(DIGEST + "-03").date().day());
    assertEquals(DatePrecision.DAY, byId.get(DIGEST + "-03").date().precision());
    assertEquals(LocalDate.of(2025, 12, 15), byId.get(DIGEST + "-10").date().day());
    assertEquals("metadata", byId.get(DIGEST + "-10").date().basis());
    assertEquals("Digital Watch", byId.get(DIGEST + "-04").source());
    assertEquals("TechToday", byId.get(WAIC).source());
    assertEquals("News Central", byId.get(XI).source());
  }

  @Test
  void idsAreStableAcrossReads() {
    List<String> again = TestCorpus.read(TestCorpus.seedCorpus()).stream().map(Article::id).toList();
    assertEquals(articles.stream().map(Article::id).toList(), again);
  }
}
