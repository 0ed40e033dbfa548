package newssearch.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The search contract on the BBC News folder ({@code ../shared/datasets/bbc}, 2,225 articles;
 * optional: skipped when the folder is absent): on the benchmark's query list, relaxed and
 * misspelled queries and filtered searches, both engines give equal totals, facet counts, matching
 * and did-you-mean, and the top 10 of queries matched with every word overlap by at least 0.8.
 */
public class BbcClusterTest {
  static final Path BBC = Product.home().resolveSibling("shared").resolve("datasets").resolve("bbc");
  static Product.Server solr;
  static Product.Server lucene;

  @BeforeClass
  public static void start() throws Exception {
    assumeTrue("the BBC folder " + BBC + " is absent: its contract test is skipped", Files.isDirectory(BBC));
    SeedCluster.start();
    Path index = SeedCluster.work.resolve("bbc-index");
    Product.Run indexed = Product.run("index", "--solr", SeedCluster.cluster.urls(), "--collection", "bbc",
        "--shards", "2", "--replicas", "2", "--corpus", BBC.toString());
    assertEquals(indexed.out(), 0, indexed.status());
    Product.Run local = Product.run("index", "--index", index.toString(), "--corpus", BBC.toString());
    assertEquals(local.out(), 0, local.status());
    solr = Product.serve("--solr", SeedCluster.cluster.urls(), "--collection", "bbc");
    lucene = Product.serve("--index", index.toString());
  }

  @AfterClass
  public static void stop() {
    for (Product.Server s : new Product.Server[] {solr, lucene}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @Test
  public void bothEnginesAgreeOnTheBbcFolder() throws Exception {
    List<String> searches = new ArrayList<>();
    for (String path : SideBySideBench.queryPaths(Product.home().resolve("bench/queries.txt"))) {
      searches.add(path.substring(path.indexOf('?') + 1));
    }
    searches.add("q=" + Http.enc("what did the prime minister say about the economy and taxes"));
    searches.add("q=" + Http.enc("goverment spending"));
    searches.add("q=" + Http.enc("mobile phone football shares"));
    JsonNode browse = Http.json(lucene.url + "/api/search");
    for (String facet : List.of("topic", "source")) {
      JsonNode values = browse.get("facets").get(facet);
      for (int i = 0; i < Math.min(3, values.size()); i++) {
        searches.add("q=market&" + facet + "=" + Http.enc(values.get(i).get("value").asText()));
      }
    }
    double lowest = 1;
    double lowestRelaxed = 1;
    for (String search : searches) {
      JsonNode l = Contract.settled(lucene.url + "/api/search?" + search + "&size=10");
      JsonNode s = Contract.settled(solr.url + "/api/search?" + search + "&size=10");
      assertEquals(search + ": total", l.get("total"), s.get("total"));
      assertEquals(search + ": facets", l.get("facets"), s.get("facets"));
      assertEquals(search + ": matching", l.get("matching"), s.get("matching"));
      assertEquals(search + ": did you mean", l.get("suggestion"), s.get("suggestion"));
      double overlap = Contract.overlap(Contract.ids(l), Contract.ids(s));
      if (l.get("matching").isObject() && "relaxed".equals(l.get("matching").get("mode").asText())) {
        lowestRelaxed = Math.min(lowestRelaxed, overlap);
      }
      lowest = Math.min(lowest, overlap);
      assertTrue(search + ": top-10 overlap " + overlap + " " + Contract.ids(l) + " vs " + Contract.ids(s), overlap >= 0.8);
    }
    System.out.printf(Locale.ROOT, "BBC contract: %d searches, equal totals, facets, matching and did-you-mean; lowest top-10"
        + " overlap %.1f (of relaxed matches: %.1f)%n", searches.size(), lowest, lowestRelaxed);
  }
}
