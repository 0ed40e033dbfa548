package newssearch.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The product against a real SolrCloud (embedded ZooKeeper, 2 Solr nodes, 2 shards x 2 replicas):
 * the configset it generates makes Solr analyse text as the embedded engine does; {@code index
 * --solr} fills a collection behind an alias; {@code serve --solr} answers the JSON API with the
 * same shape, totals and facet counts as {@code serve} over the embedded index of the same corpus.
 */
public class SolrClusterTest {
  static final String ALIAS = SeedCluster.ALIAS;
  static Cluster cluster;
  static Product.Server solr;
  static Product.Server lucene;

  @BeforeClass
  public static void start() throws Exception {
    SeedCluster.start();
    cluster = SeedCluster.cluster;
    solr = SeedCluster.solr;
    lucene = SeedCluster.lucene;
  }

  @Test
  public void solrMakesTheSameTokensAsTheEmbeddedEngine() throws Exception {
    List<String> texts = List.of(
        "China’s AI² chips: Huawei's Ascend 910C outperforms Nvidia’s H20, analysts said.",
        "The U.S. Commerce Department's export-control rules for semiconductors and the Café Zürich naïve résumé",
        "Artificial intelligence and machine learning at the World Artificial Intelligence Conference (WAIC) 2025",
        "<b>HTML</b> &amp; e-mail addresses like press@example.com, 3.5% growth, 10,000 units — “quoted” text");
    // Tokens are compared in (position, offsets, text) order: a synonym graph lists the tokens of
    // one position in an order that carries no meaning, and the two engines list them differently.
    for (String field : List.of("title", "text", "entity_text", "spell")) {
      for (boolean query : field.equals("spell") ? List.of(false) : List.of(false, true)) {
        List<List<String>> product = productTokens(field, texts, query);
        for (int i = 0; i < texts.size(); i++) {
          assertEquals(field + (query ? " query" : " index") + " tokens of: " + texts.get(i), product.get(i),
              solrTokens(field, texts.get(i), query ? "query" : "index"));
        }
      }
    }
  }

  @Test
  public void healthNamesTheEngineAndCountsTheSameArticles() throws Exception {
    JsonNode s = Http.json(solr.url + "/api/health");
    JsonNode l = Http.json(lucene.url + "/api/health");
    assertEquals("solr", s.get("engine").asText());
    assertEquals("lucene", l.get("engine").asText());
    assertTrue(l.get("documents").asInt() > 0);
    assertEquals(l.get("documents"), s.get("documents"));
  }

  /** Searches, with and without filters, on both engines: the contract suite of the seed corpus. */
  @Test
  public void searchesGiveTheSameTotalsFacetsAndTopHits() throws Exception {
    List<String> searches = new ArrayList<>(List.of("", "q=nvidia", "q=chips", "q=huawei", "q=ai+chips",
        "q=semiconductor+export", "q=%22export+controls%22", "q=china+-nvidia", "q=shanghai+OR+beijing", "q=robot*",
        "q=nvida", "q=the", "sort=-date", "q=china&sort=date", "q=title:nvidia&syntax=lucene", "q=china&page=2&size=3",
        "from=2025-06&to=2025-12", "q=china&facet_size=3"));
    JsonNode browse = Http.json(lucene.url + "/api/search");
    for (String facet : List.of("topic", "source")) {
      for (JsonNode v : browse.get("facets").get(facet)) {
        searches.add(facet + "=" + Http.enc(v.get("value").asText()));
        searches.add("q=china&" + facet + "=" + Http.enc(v.get("value").asText()));
      }
    }
    JsonNode entities = browse.get("facets").get("entity");
    for (int i = 0; i < Math.min(3, entities.size()); i++) {
      searches.add("entity=" + Http.enc(entities.get(i).get("value").asText()));
      searches.add("entity_type=" + entities.get(i).get("type").asText());
    }
    if (browse.get("facets").get("topic").size() >= 2) {
      searches.add("topic=" + Http.enc(browse.get("facets").get("topic").get(0).get("value").asText())
          + "&topic=" + Http.enc(browse.get("facets").get("topic").get(1).get("value").asText()) + "&entity_type=org");
    }
    for (String search : searches) {
      JsonNode l = Contract.settled(lucene.url + "/api/search?" + search);
      JsonNode s = Contract.settled(solr.url + "/api/search?" + search);
      assertEquals(search + ": fields", Contract.fields(l), Contract.fields(s));
      assertEquals(search + ": total", l.get("total"), s.get("total"));
      assertEquals(search + ": facets", l.get("facets"), s.get("facets"));
      List<String> lIds = Contract.ids(l);
      List<String> sIds = Contract.ids(s);
      assertEquals(search + ": hits on the page", lIds.size(), sIds.size());
      // Rankings are compared as the engines' top 10 of the same search, whatever page was asked:
      // a deeper page of a few hits shows where near-equal scores fall, not whether the same
      // articles rank high.
      String top = search.replaceAll("(^|&)(page|size)=[0-9]+", "");
      List<String> lTop = Contract.ids(Contract.settled(lucene.url + "/api/search?" + top + "&size=10"));
      List<String> sTop = Contract.ids(Contract.settled(solr.url + "/api/search?" + top + "&size=10"));
      if (!lTop.isEmpty()) {
        Set<String> common = new HashSet<>(lTop);
        common.retainAll(sTop);
        double overlap = common.size() / (double) lTop.size();
        assertTrue(search + ": top-10 overlap " + overlap + " " + lTop + " vs " + sTop, overlap >= 0.8);
      }
      if (!search.contains("sort=") && !search.contains("q=") || search.contains("sort=")) {
        assertEquals(search + ": order of a date sort", lIds, sIds);
      }
      for (int i = 0; i < s.get("hits").size(); i++) {
        assertEquals(search + ": hit fields", Contract.fields(l.get("hits").get(0)), Contract.fields(s.get("hits").get(i)));
      }
    }
  }

  @Test
  public void highlightsMarkTheSameWordsWithTheSameEscaping() throws Exception {
    for (String q : List.of("nvidia", "chips", "china", "%22export+controls%22")) {
      JsonNode l = Http.json(lucene.url + "/api/search?q=" + q + "&size=20");
      JsonNode s = Http.json(solr.url + "/api/search?q=" + q + "&size=20");
      for (JsonNode hit : s.get("hits")) {
        JsonNode same = Contract.byId(l, hit.get("id").asText());
        assertEquals(q + " title_html of " + hit.get("id"), same.get("title_html"), hit.get("title_html"));
        for (JsonNode snippet : hit.get("snippets")) {
          String markup = snippet.asText().replaceAll("</?mark>", "");
          assertTrue(q + ": only <mark> is markup in " + snippet, !markup.contains("<") && !markup.contains(">"));
        }
        assertEquals(q + " marked words of " + hit.get("id"), Contract.marked(same), Contract.marked(hit));
      }
    }
  }

  @Test
  public void articlesAreTheSame() throws Exception {
    for (JsonNode hit : Http.json(lucene.url + "/api/search?size=100").get("hits")) {
      String id = Http.enc(hit.get("id").asText());
      assertEquals(id, Http.json(lucene.url + "/api/articles/" + id), Http.json(solr.url + "/api/articles/" + id));
    }
    assertEquals(404, Http.get(solr.url + "/api/articles/no-such-article").statusCode());
  }

  @Test
  public void aBadLuceneQueryIsA400WithTheErrorShape() throws Exception {
    var response = Http.get(solr.url + "/api/search?syntax=lucene&q=" + Http.enc("title:(nvidia"));
    assertEquals(response.body(), 400, response.statusCode());
    JsonNode error = Http.JSON.readTree(response.body()).get("error");
    assertEquals("bad_query", error.get("code").asText());
  }

  @Test
  public void entityFacetSearchFindsTheSameValues() throws Exception {
    for (String search : List.of("prefix=hu", "prefix=hu&type=org", "prefix=&size=50", "prefix=chin&type=place", "prefix=zzz")) {
      assertEquals(search, Http.json(lucene.url + "/api/facets/entity?" + search), Http.json(solr.url + "/api/facets/entity?" + search));
    }
  }

  @Test
  public void suggestionsListEntitiesFirstThenTitles() throws Exception {
    JsonNode s = Http.json(solr.url + "/api/suggest?q=hua");
    assertEquals("hua", s.get("query").asText());
    JsonNode first = s.get("suggestions").get(0);
    assertEquals("Huawei", first.get("text").asText());
    assertEquals("entity", first.get("kind").asText());
    boolean titles = false;
    for (JsonNode c : s.get("suggestions")) {
      if (c.get("kind").asText().equals("title")) {
        titles = true;
        assertTrue(c.get("text").asText(), c.get("text").asText().toLowerCase().matches("(?s).*\\bhua.*"));
        assertEquals(200, Http.get(solr.url + "/api/articles/" + Http.enc(c.get("id").asText())).statusCode());
      } else {
        assertTrue("entities come before titles", !titles);
      }
    }
    assertEquals(0, Http.json(solr.url + "/api/suggest?q=").get("suggestions").size());
  }

  @Test
  public void relatedArticlesExcludeTheArticleAndAnUnknownIdIs404() throws Exception {
    String id = Http.json(lucene.url + "/api/search?q=nvidia").get("hits").get(0).get("id").asText();
    JsonNode related = Http.json(solr.url + "/api/articles/" + Http.enc(id) + "/related?size=3");
    assertEquals(id, related.get("id").asText());
    assertTrue(related.get("related").size() > 0 && related.get("related").size() <= 3);
    for (JsonNode r : related.get("related")) {
      assertTrue(!r.get("id").asText().equals(id));
      assertEquals(Contract.fields(Http.json(lucene.url + "/api/articles/" + Http.enc(id) + "/related").get("related").get(0)), Contract.fields(r));
    }
    assertEquals(404, Http.get(solr.url + "/api/articles/no-such-article/related").statusCode());
  }

  @Test
  public void csvExportListsEveryMatchInTheSearchOrder() throws Exception {
    for (String q : List.of("china", "chips", "")) {
      JsonNode search = Http.json(solr.url + "/api/search?size=100&q=" + q);
      var response = Http.get(solr.url + "/api/search.csv?q=" + q);
      String csv = response.body();
      // Header first, every field quoted; the total travels in a header, not in the file.
      assertTrue(csv, csv.startsWith("\"rank\",\"id\","));
      assertEquals(String.valueOf(search.get("total").asLong()), response.headers().firstValue("X-Total-Count").orElse(""));
      List<String> rows = csv.lines().filter(l -> l.matches("^\"[0-9]+\",.*")).toList();
      assertEquals(search.get("total").asInt(), rows.size());
      assertEquals(Contract.ids(search), rows.stream().map(r -> r.split("\",\"")[1]).toList());
    }
  }

  /** The product's tokens of each text ({@code news-search analyze}), one list per text. */
  private static List<List<String>> productTokens(String field, List<String> texts, boolean query) throws Exception {
    List<String> args = new ArrayList<>(List.of("analyze", "--field", field));
    if (query) {
      args.add("--query");
    }
    args.addAll(texts);
    Product.Run run = Product.run(args.toArray(String[]::new));
    assertEquals(run.out(), 0, run.status());
    List<List<String>> all = new ArrayList<>();
    for (String line : run.out().lines().filter(l -> l.startsWith("[")).toList()) {
      List<String> tokens = new ArrayList<>();
      for (JsonNode t : Http.JSON.readTree(line)) {
        tokens.add(t.get("text").asText() + "@" + t.get("position").asInt() + "[" + t.get("start").asInt() + "," + t.get("end").asInt() + "]");
      }
      all.add(sorted(tokens));
    }
    assertEquals(run.out(), texts.size(), all.size());
    return all;
  }

  private static List<String> sorted(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens);
    out.sort(java.util.Comparator.comparingInt((String t) -> Integer.parseInt(t.substring(t.lastIndexOf('@') + 1, t.lastIndexOf('['))))
        .thenComparing(t -> t.substring(t.lastIndexOf('[')))
        .thenComparing(t -> t));
    return out;
  }

  /** The last stage of Solr's field analysis (the /analysis/field handler) of {@code field}. */
  private static List<String> solrTokens(String field, String text, String stage) throws Exception {
    String node = cluster.node(0).getBaseUrl().toString();
    String param = stage.equals("index") ? "analysis.fieldvalue" : "analysis.query";
    JsonNode analysis = Http.json(node + "/" + ALIAS + "/analysis/field?wt=json&analysis.fieldname=" + field
        + "&" + param + "=" + Http.enc(text) + (stage.equals("query") ? "&analysis.fieldvalue=x" : ""));
    JsonNode stages = analysis.get("analysis").get("field_names").get(field).get(stage);
    JsonNode last = stages.get(stages.size() - 1);
    List<String> tokens = new ArrayList<>();
    for (JsonNode t : last) {
      tokens.add(t.get("text").asText() + "@" + t.get("position").asInt() + "[" + t.get("start").asInt() + "," + t.get("end").asInt() + "]");
    }
    return sorted(tokens);
  }

  /**
   * {@code bench --solr URL --collection NAME} runs the query list against {@code serve} and
   * {@code serve --solr} in one run and writes both engines' rows, with the totals checked equal
   * (the collection holds the bundled corpus, which the bench indexes for {@code serve}), then a
   * table with one row per kind of query of the list and each kind's runs of both engines.
   */
  @Test
  public void benchRunsTheQueryListAgainstBothEnginesSideBySide() throws Exception {
    boolean wrk = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, "wrk")));
    org.junit.Assume.assumeTrue("wrk is not installed (Debian package wrk); the side by side needs it", wrk);
    Path out = Files.createTempFile(SeedCluster.work, "bench", ".md");
    Product.Run run = Product.run("bench", "--solr", cluster.urls(), "--collection", ALIAS, "--rounds", "1", "--warmup", "1",
        "--http-seconds", "2", "--feed-seconds", "0", "--no-server-process", "--out", out.toString(),
        "--work", SeedCluster.work.resolve("bench-work").toString());
    assertEquals(run.out(), 0, run.status());
    String md = Files.readString(out);
    assertTrue(md, md.contains("## Side by side with Solr (seed)"));
    assertTrue(md, md.contains("Every search has the same total on both."));
    for (String engine : List.of("embedded", "solr")) {
      for (int round = 1; round <= 2; round++) {
        assertTrue(engine + " round " + round + ":\n" + md,
            java.util.regex.Pattern.compile("(?m)^\\| " + engine + " \\| " + round + " \\| [0-9,]+ \\| .* \\| 0 \\| [0-9.]+ \\|")
                .matcher(md).find());
      }
    }
    // Each kind of the query list loaded on its own: one row per kind with both engines' figures.
    assertTrue(md, md.contains("### Per kind of query"));
    Set<String> kinds = new java.util.LinkedHashSet<>();
    for (String line : Files.readAllLines(Product.home().resolve("bench/queries.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        kinds.add(line.substring(0, line.indexOf('\t')).strip());
      }
    }
    assertTrue(kinds.toString(), kinds.size() > 1);
    String table = md.substring(md.indexOf("### Per kind of query"));
    table = table.substring(0, table.indexOf("\nEach run of a kind:"));
    List<String> rows = table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| kind ")).toList();
    assertEquals(md, kinds.size(), rows.size());
    for (String kind : kinds) {
      assertTrue(kind + ":\n" + md, rows.stream().anyMatch(r -> java.util.regex.Pattern
          .compile("^\\| " + java.util.regex.Pattern.quote(kind) + " \\| [0-9]+ \\| [0-9,]+ \\| [0-9,]+ \\| [0-9.]+ \\| .*\\| 0 / 0 \\|")
          .matcher(r).find()));
      for (String engine : List.of("embedded", "solr")) {
        for (int round = 1; round <= 2; round++) {
          assertTrue(kind + " " + engine + " round " + round + ":\n" + md, md.contains("| " + kind + " | " + engine + " | " + round + " | "));
        }
      }
    }
  }
}
