package newssearch.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Queries of words that not every article has, on both engines: the Solr engine runs the
 * embedded engine's query plan (which words count, how many are enough, which only rank), so
 * {@code matching}, did-you-mean, totals and facet counts are the same, and {@code match=all}
 * insists on every word in both.
 */
public class RelaxedMatchingClusterTest {
  @BeforeClass
  public static void start() throws Exception {
    SeedCluster.start();
  }

  @Test
  public void relaxedQueriesMatchTheSameArticlesAndSaySo() throws Exception {
    List<String> searches = List.of(
        // A question in natural language: more than five words, any one is enough; question words only rank.
        "q=" + Http.enc("what did huawei say about chips made in china for export"),
        // Four words, none of the articles has them all: three of them are enough.
        "q=" + Http.enc("huawei nvidia robots banana"),
        "q=" + Http.enc("huawei -nvidia robots banana"),
        // A quoted phrase no article has beside the other words: then read as words.
        "q=" + Http.enc("nvidia \"export controls\" banana"),
        "q=" + Http.enc("what did huawei say about chips made in china for export") + "&topic=chips",
        "q=" + Http.enc("huawei nvidia robots banana") + "&match=all");
    boolean relaxedSeen = false;
    for (String search : searches) {
      JsonNode l = Contract.settled(SeedCluster.lucene.url + "/api/search?" + search + "&size=10");
      JsonNode s = Contract.settled(SeedCluster.solr.url + "/api/search?" + search + "&size=10");
      assertEquals(search + ": matching", l.get("matching"), s.get("matching"));
      assertEquals(search + ": total", l.get("total"), s.get("total"));
      assertEquals(search + ": facets", l.get("facets"), s.get("facets"));
      assertEquals(search + ": did you mean", l.get("suggestion"), s.get("suggestion"));
      double overlap = Contract.overlap(Contract.ids(l), Contract.ids(s));
      assertTrue(search + ": top-10 overlap " + overlap + " " + Contract.ids(l) + " vs " + Contract.ids(s), overlap >= 0.8);
      relaxedSeen |= "relaxed".equals(l.get("matching").get("mode").asText());
      if (search.contains("match=all")) {
        assertEquals(search, "all", s.get("matching").get("mode").asText());
      }
    }
    assertTrue("the corpus relaxes some of these queries", relaxedSeen);
  }

  @Test
  public void matchAllFindsOnlyArticlesWithEveryWord() throws Exception {
    String q = "q=" + Http.enc("huawei nvidia robots banana");
    JsonNode relaxed = Http.json(SeedCluster.solr.url + "/api/search?" + q);
    JsonNode all = Http.json(SeedCluster.solr.url + "/api/search?" + q + "&match=all");
    assertEquals("relaxed", relaxed.get("matching").get("mode").asText());
    assertTrue(relaxed.get("total").asLong() > 0);
    assertEquals(0, all.get("total").asLong());
    assertEquals(Http.json(SeedCluster.lucene.url + "/api/search?" + q + "&match=all").get("matching"), all.get("matching"));
  }

  @Test
  public void misspelledQueriesGetTheSameDidYouMean() throws Exception {
    for (String q : List.of("nvida chips", "chinna artifical intelligence")) {
      String search = "/api/search?q=" + Http.enc(q);
      JsonNode l = Contract.settled(SeedCluster.lucene.url + search);
      JsonNode s = Contract.settled(SeedCluster.solr.url + search);
      assertTrue(q + ": the embedded engine corrects it", l.hasNonNull("suggestion"));
      assertEquals(q, l.get("suggestion"), s.get("suggestion"));
      assertEquals(q + ": matching", l.get("matching"), s.get("matching"));
      assertEquals(q + ": total", l.get("total"), s.get("total"));
    }
    assertTrue("a correctly spelled query gets none",
        !Http.json(SeedCluster.solr.url + "/api/search?q=nvidia").hasNonNull("suggestion"));
  }

  @Test
  public void anExportOfARelaxedQueryListsWhatTheSearchFoundInItsOrder() throws Exception {
    // A question, and keywords that two seed articles have all of (ranked first, ahead of articles
    // with two of the words that BM25 alone would rank above one of them) and eight two of.
    for (String q : List.of(Http.enc("what did huawei say about chips made in china for export"), "china+ai+huawei")) {
      JsonNode search = Http.json(SeedCluster.solr.url + "/api/search?size=100&q=" + q);
      var csv = Http.get(SeedCluster.solr.url + "/api/search.csv?q=" + q);
      assertEquals(search.get("total").asText(), csv.headers().firstValue("X-Total-Count").orElse(""));
      assertEquals(Http.json(SeedCluster.lucene.url + "/api/search?size=100&q=" + q).get("total"), search.get("total"));
      List<String> rows = csv.body().lines().filter(l -> l.matches("^\"[0-9]+\",.*"))
          .map(r -> r.split("\",\"")[1]).toList();
      assertEquals(q, Contract.ids(search), rows);
    }
    JsonNode keywords = Http.json(SeedCluster.solr.url + "/api/search?size=100&q=china+ai+chips+robots");
    assertTrue("ranked all-words first", keywords.get("matching").get("all_first").asBoolean());
  }
}
