package newssearch.search.solr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.util.NamedList;

/** Reading the parts of a Solr response that the engine uses. */
final class SolrResponses {
  private SolrResponses() {}

  /** The documents of a response, with the number found. */
  static SolrDocumentList results(NamedList<Object> response) {
    return (SolrDocumentList) response.get("response");
  }

  /** Whether Solr stopped early (timeAllowed) and the counts may be low. */
  static boolean partial(NamedList<Object> response) {
    Object header = response.get("responseHeader");
    return header instanceof NamedList<?> h && Boolean.TRUE.equals(h.get("partialResults"));
  }

  /** The highlighted passages of a response: by article id, then by field. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, List<String>>> highlighting(NamedList<Object> response) {
    Map<String, Map<String, List<String>>> out = new HashMap<>();
    Object hl = response.get("highlighting");
    if (hl instanceof NamedList<?> byDoc) {
      for (Map.Entry<String, ?> doc : byDoc) {
        Map<String, List<String>> fields = new HashMap<>();
        if (doc.getValue() instanceof NamedList<?> byField) {
          for (Map.Entry<String, ?> f : byField) {
            if (f.getValue() instanceof String[] a) {
              fields.put(f.getKey(), List.of(a));
            } else if (f.getValue() instanceof List<?> l) {
              fields.put(f.getKey(), (List<String>) l);
            }
          }
        }
        out.put(doc.getKey(), fields);
      }
    }
    return out;
  }
}
