package newssearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import newssearch.index.Schema;
import newssearch.search.QueryPlan;
import newssearch.search.RelevanceFeedback;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;

/**
 * The Solr parameters of a search: filters tagged and each facet excluding its own tag (so a
 * selected value's siblings keep their counts, as with DrillSideways), every sort ending with the
 * id (stable pages and cursors), and values quoted so that a quote in a value cannot change the
 * query. The results themselves are compared with the embedded engine in solr-cluster/.
 */
class SolrQueriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SearchRequest request(String q, List<String> topics, List<String> entities, List<String> types,
      List<String> sources) {
    return new SearchRequest(q, QuerySyntax.SIMPLE, topics, entities, types, sources, LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 6, 30), SortOrder.RELEVANCE, 1, 10, 20);
  }

  @Test
  void filtersAreTaggedAndFacetsExcludeTheirOwnTag() throws Exception {
    SearchRequest r = request("chips", List.of("chips", "trade"), List.of("Nvidia"), List.of("org"), List.of("Reuters \"Asia\""));
    ModifiableSolrParams p = SolrQueries.matching(r);
    List<String> fq = List.of(p.getParams("fq"));
    assertTrue(fq.contains("{!tag=topic}topic:(\"chips\" OR \"trade\")"), fq.toString());
    assertTrue(fq.contains("{!tag=entity}entity:(\"Nvidia\")"), fq.toString());
    assertTrue(fq.contains("{!tag=entity}entity_type:(\"org\")"), fq.toString());
    assertTrue(fq.contains("{!tag=source}source:(\"Reuters \\\"Asia\\\"\")"), fq.toString());
    assertTrue(fq.contains("{!tag=date}date:[" + Schema.dateValue(LocalDate.of(2025, 1, 1)) + " TO "
        + Schema.dateValue(LocalDate.of(2025, 6, 30)) + "]"), fq.toString());

    JsonNode facets = JSON.readTree(SolrFacets.request(r));
    assertEquals("topic", facets.get("topic").get("domain").get("excludeTags").asText());
    assertEquals("source", facets.get("source").get("domain").get("excludeTags").asText());
    assertEquals("date", facets.get("month").get("domain").get("excludeTags").asText());
    assertTrue(facets.get("year").get("domain") == null, "years count with the date filter on, as in the embedded engine");
    assertEquals("entity", facets.get(SolrFields.ENTITY_PATH).get("domain").get("excludeTags").asText());
  }

  @Test
  void withoutASelectedEntityEachTypeReadsItsTopNames() throws Exception {
    JsonNode facets = JSON.readTree(SolrFacets.request(request("", List.of(), List.of(), List.of("org", "person"), List.of())));
    assertEquals("org/", facets.get("entity_org").get("prefix").asText());
    assertEquals("person/", facets.get("entity_person").get("prefix").asText());
    assertTrue(facets.get("entity_place") == null, "only the requested types");
    assertTrue(facets.get("entity_org").get("refine").asBoolean());
  }

  @Test
  void everySortEndsWithTheId() {
    for (SortOrder order : SortOrder.values()) {
      assertTrue(SolrQueries.sort(order).endsWith(Schema.ID + " asc"), order.toString());
    }
  }

  @Test
  void severalWordsAddTheNearWordsBoost() {
    ModifiableSolrParams p = new ModifiableSolrParams();
    SolrQueries.query(p, "export controls", QuerySyntax.SIMPLE);
    assertEquals("{!bool must=$main should=$near}", p.get("q"));
    assertEquals("title:\"export controls\"~3^2 text:\"export controls\"~3", p.get("near"));
    ModifiableSolrParams one = new ModifiableSolrParams();
    SolrQueries.query(one, "nvidia", QuerySyntax.SIMPLE);
    assertEquals("{!bool should=$wordbyword should=$astext}", one.get("q"), "words alone, also read as one text");
    assertEquals("{!simple qf=$qf q.op=AND v=$qq}", one.get("wordbyword"));
    assertEquals("{!bool should=$astextb0 should=$astextb1 should=$astextb2}", one.get("astext"));
    assertEquals("{!boost b=2 v=$astext0}", one.get("astextb0"));
    assertEquals("{!lucene df=title q.op=AND sow=false v=$astextq}", one.get("astext0"));
    ModifiableSolrParams syntax = new ModifiableSolrParams();
    SolrQueries.query(syntax, "nvidia -huawei", QuerySyntax.SIMPLE);
    assertEquals("{!simple qf=$qf q.op=AND v=$qq}", syntax.get("q"), "operators: word by word only");
    ModifiableSolrParams all = new ModifiableSolrParams();
    SolrQueries.query(all, " ", QuerySyntax.SIMPLE);
    assertEquals("*:*", all.get("q"));
  }

  /** A relaxed tier of the shared query plan: enough of the counted words (mm), the others only ranking. */
  @Test
  void aTierOfThePlanBecomesABoolQueryWithItsMinimumMatch() {
    QueryPlan.Words words = new QueryPlan.Words(List.of("huawei", "chips", "U.S."), 2, List.of("what"),
        List.of("export \"controls\""), true, List.of("nvidia"));
    ModifiableSolrParams p = SolrQueries.matching(request("ignored", List.of("chips"), List.of(), List.of(), List.of()),
        new QueryPlan.Tier(null, null, false, words));
    assertEquals("{!bool must=$enough should=$wo0q must=$wp0q must_not=$wx0q}", p.get("q"));
    assertEquals("{!bool mm=2 should=$wc0q should=$wc1q should=$wc2q}", p.get("enough"));
    assertEquals("{!simple qf=$wqf q.op=AND v=$wc2}", p.get("wc2q"));
    assertEquals("headline^1 text^1 entity_text^0.5 title^0", p.get("wqf"),
        "a word's fields weighted as RankingQueries.clause weights them; the title only for highlighting");
    assertEquals("U.S.", p.get("wc2"));
    assertEquals("what", p.get("wo0"));
    assertEquals("\"export \\\"controls\\\"\"", p.get("wp0"), "the phrase quoted, its quotes escaped");
    assertEquals("nvidia", p.get("wx0"));
    assertTrue(List.of(p.getParams("fq")).contains("{!tag=topic}topic:(\"chips\")"), "filters as for any search");

    QueryPlan.Words loose = new QueryPlan.Words(List.of("export", "controls"), 1, List.of(), List.of("export controls"),
        false, List.of());
    ModifiableSolrParams q = SolrQueries.matching(request("x", List.of(), List.of(), List.of(), List.of()),
        new QueryPlan.Tier(null, null, true, loose));
    assertEquals("{!bool must=$enough should=$wp0q}", q.get("q"), "a phrase read as words only ranks");
  }

  /** A question's words score their fields as a disjunction max (dismax with the plan's tie), as in the embedded engine. */
  @Test
  void aQuestionsWordsAreDismaxClausesAndFeedbackRanksWhatTheyMatched() {
    QueryPlan.Words words = new QueryPlan.Words(List.of("huawei", "chips"), 1, List.of("what"), List.of(), true,
        List.of(), 0.3, null);
    ModifiableSolrParams p = SolrQueries.matching(request("ignored", List.of(), List.of(), List.of(), List.of()),
        new QueryPlan.Tier(null, null, false, words));
    assertEquals("{!dismax qf=$wqf mm=100% tie=0.3 v=$wc0}", p.get("wc0q"));
    assertEquals("{!dismax qf=$wqf mm=100% tie=0.3 v=$wo0}", p.get("wo0q"));
    String matched = p.get("q");

    SolrQueries.rankedBy(p, List.of(new RelevanceFeedback.Term("huawei", "huawei", 0.5),
        new RelevanceFeedback.Term("semiconductor", "semiconductors", 0.25)), 0.3, 0);
    assertEquals("{!bool filter=$matched should=$fbb0 should=$fbb1}", p.get("q"), "only the order changes");
    assertEquals(matched, p.get("matched"));
    assertEquals(matched, p.get("hl.q"), "the question's words are highlighted, not the feedback's");
    assertEquals("{!boost b=0.250000 v=$fb1q}", p.get("fbb1"));
    assertEquals("semiconductors", p.get("fb1"));
    assertEquals("{!dismax qf=$wqf mm=100% tie=0.3 v=$fb1}", p.get("fb1q"));
  }

  /** A question's neighbouring words rank higher close together in the text, as in the embedded engine. */
  @Test
  void aQuestionsNeighbouringWordsAreSloppyPhrasesOfTheText() {
    QueryPlan.Near near = new QueryPlan.Near(List.of(new QueryPlan.Near.Pair("Huawei", "chips", "huawei", "chip")), 0.1, 0.05);
    QueryPlan.Words words = new QueryPlan.Words(List.of("Huawei", "chips"), 1, List.of(), List.of(), true, List.of(), 0.3,
        near);
    ModifiableSolrParams p = SolrQueries.matching(request("ignored", List.of(), List.of(), List.of(), List.of()),
        new QueryPlan.Tier(null, null, false, words));
    assertEquals("{!bool must=$enough should=$wnear}", p.get("q"));
    assertEquals("{!bool must=$enough}", p.get("hl.q"), "the words are highlighted, not their pairs");
    assertEquals("{!bool should=$wno0b should=$wnu0b}", p.get("wnear"));
    assertEquals("\"Huawei chips\"~1", p.get("wno0"));
    assertEquals("\"Huawei chips\"~8", p.get("wnu0"));
    assertEquals("{!lucene df=text v=$wnu0}", p.get("wnu0q"));
    assertEquals("{!boost b=0.100000 v=$wno0q}", p.get("wno0b"));
    assertEquals("{!boost b=0.050000 v=$wnu0q}", p.get("wnu0b"));
  }

  /** A question whose headline and text are one BM25F field in the embedded engine reads the same copy field in Solr. */
  @Test
  void aQuestionsWordsReadHeadlineAndTextAsOneFieldWhereTheCollectionHoldsIt() {
    QueryPlan.Words words = new QueryPlan.Words(List.of("huawei"), 1, List.of(), List.of(), true, List.of(), 0.3, null,
        SolrFields.HEADLINE_COPIES);
    ModifiableSolrParams p = SolrQueries.matching(request("ignored", List.of(), List.of(), List.of(), List.of()),
        new QueryPlan.Tier(null, null, false, words));
    assertEquals("{!dismax qf=$cqf mm=100% tie=0.3 v=$wc0}", p.get("wc0q"));
    assertEquals("headline_text^1 entity_text^0.5 title^0 text^0", p.get("cqf"));
    SolrQueries.rankedBy(p, List.of(new RelevanceFeedback.Term("chip", "chips", 0.5)), 0.3, SolrFields.HEADLINE_COPIES);
    assertEquals("{!dismax qf=$cqf mm=100% tie=0.3 v=$fb0}", p.get("fb0q"));
    assertTrue(!SolrQueries.combined(3), "a weight the collection does not hold scores the fields apart");
  }
}
