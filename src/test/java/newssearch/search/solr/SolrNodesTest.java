package newssearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

/** Reading a cluster's live nodes, and what happens when none can be reached. */
class SolrNodesTest {

  @Test
  void aNodeNameIsHostPortAndTheEncodedPath() {
    assertEquals("http://10.0.0.5:8983/solr", SolrNodes.baseUrl("10.0.0.5:8983_solr", "http"));
    assertEquals("https://solr-2.example.org:8984/search/solr",
        SolrNodes.baseUrl("solr-2.example.org:8984_search%2Fsolr", "https"));
    assertEquals("http://[::1]:8983/solr", SolrNodes.baseUrl("[::1]:8983_solr", "http"));
  }

  @Test
  void theLiveNodesOfAClusterStatusAnswerInNameOrder() {
    NamedList<Object> cluster = new NamedList<>();
    cluster.add("live_nodes", List.of("127.0.0.1:40002_solr", "127.0.0.1:40001_solr"));
    NamedList<Object> status = new NamedList<>();
    status.add("cluster", cluster);
    assertEquals(List.of("http://127.0.0.1:40001/solr", "http://127.0.0.1:40002/solr"), SolrNodes.liveNodes(status, "http"));
    NamedList<Object> asMap = new NamedList<>();
    asMap.add("cluster", Map.of("live_nodes", List.of("h:1_solr")));
    assertEquals(List.of("http://h:1/solr"), SolrNodes.liveNodes(asMap, "http"));
    assertEquals(List.of(), SolrNodes.liveNodes(new NamedList<>(), "http"));
  }

  @Test
  void withNoNodeToAskTheGivenUrlsStayAndTheRequestFailsAfterItsRounds() {
    // Port 9 (discard) on loopback: refused at once.
    try (SolrNodes nodes = new SolrNodes(List.of("http://127.0.0.1:9/solr"), 2, 1)) {
      assertThrows(IOException.class,
          () -> nodes.request(new org.apache.solr.client.solrj.request.SolrPing(), "news"));
      assertEquals(List.of("http://127.0.0.1:9/solr"), nodes.liveUrls());
    }
  }
}
