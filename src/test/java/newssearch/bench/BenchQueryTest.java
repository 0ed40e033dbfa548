package newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import newssearch.TestCorpus;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;
import org.junit.jupiter.api.Test;

class BenchQueryTest {

  @Test
  void readsKindAndParametersWithTheApisDefaults() {
    BenchQuery q = BenchQuery.parse("filter\tq=growth&topic=economy&topic=markets&from=2018&to=2019-06", "t:1");
    assertEquals("filter", q.kind());
    SearchRequest r = q.request();
    assertEquals("growth", r.query());
    assertEquals(List.of("economy", "markets"), r.topics());
    assertEquals(LocalDate.of(2018, 1, 1), r.from());
    assertEquals(LocalDate.of(2019, 6, 30), r.to());
    assertEquals(SortOrder.RELEVANCE, r.sort());
    assertEquals(1, r.page());
    assertEquals(SearchRequest.DEFAULT_SIZE, r.size());

    SearchRequest browse = BenchQuery.parse("browse\tq=", "t:2").request();
    assertEquals(SortOrder.NEWEST, browse.sort());
    assertEquals("", browse.query());
    assertEquals(QuerySyntax.LUCENE, BenchQuery.parse("or\tsyntax=lucene&q=a OR b", "t:3").request().syntax());
  }

  @Test
  void encodesTheHttpPath() {
    BenchQuery q = BenchQuery.parse("phrase\tq=\"prime minister\"&topic=economy", "t:1");
    assertEquals("/api/search?q=%22prime%20minister%22&topic=economy", q.httpPath());
    assertEquals("\"prime minister\"", q.request().query());
    assertEquals("/api/search?q=film%20%7C%20music", BenchQuery.parse("or\tq=film | music", "t:1").httpPath());
  }

  @Test
  void rejectsBadLinesSayingWhere() {
    IllegalArgumentException noTab = assertThrows(IllegalArgumentException.class, () -> BenchQuery.parse("q=china", "queries.txt:4"));
    assertTrue(noTab.getMessage().startsWith("queries.txt:4:"), noTab.getMessage());
    IllegalArgumentException badDate = assertThrows(IllegalArgumentException.class, () -> BenchQuery.parse("filter\tfrom=yesterday", "queries.txt:5"));
    assertTrue(badDate.getMessage().contains("queries.txt:5") && badDate.getMessage().contains("from"), badDate.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BenchQuery.parse("x\tpage=two", "q:1"));
    assertThrows(IllegalArgumentException.class, () -> BenchQuery.parse("x\tnovalue", "q:1"));
  }

  @Test
  void theCommittedListParsesAndMixesEveryKindTheIssueAsksFor() throws IOException {
    List<BenchQuery> list = BenchQuery.readList(TestCorpus.home().resolve("bench/queries.txt"));
    Set<String> kinds = list.stream().map(BenchQuery::kind).collect(Collectors.toSet());
    assertTrue(kinds.containsAll(Set.of("single", "and", "or", "phrase", "filter", "browse")), kinds.toString());
  }
}
