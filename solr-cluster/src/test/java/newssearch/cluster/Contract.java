package newssearch.cluster;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** How the tests read and compare the two engines' answers. */
final class Contract {
  private Contract() {}

  /**
   * A search that ran to its end: one that ran out of its time budget (the machine being busy)
   * is partial on either engine and is asked again, at most three times.
   */
  static JsonNode settled(String url) throws Exception {
    JsonNode result = Http.json(url);
    for (int i = 0; i < 3 && result.get("partial").asBoolean(); i++) {
      result = Http.json(url);
    }
    assertTrue(url + " ran out of time three times", !result.get("partial").asBoolean());
    return result;
  }

  static Set<String> marked(JsonNode hit) {
    Set<String> words = new TreeSet<>();
    List<String> texts = new ArrayList<>(List.of(hit.get("title_html").asText()));
    hit.get("snippets").forEach(s -> texts.add(s.asText()));
    for (String t : texts) {
      var m = java.util.regex.Pattern.compile("<mark>(.*?)</mark>").matcher(t);
      while (m.find()) {
        words.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return words;
  }

  static JsonNode byId(JsonNode result, String id) {
    for (JsonNode hit : result.get("hits")) {
      if (hit.get("id").asText().equals(id)) {
        return hit;
      }
    }
    throw new AssertionError(id + " is not among the embedded engine's hits");
  }

  static List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** The share of {@code expected}'s ids that {@code actual} has too (1 when there is none to have). */
  static double overlap(List<String> expected, List<String> actual) {
    if (expected.isEmpty()) {
      return 1;
    }
    Set<String> common = new HashSet<>(expected);
    common.retainAll(actual);
    return common.size() / (double) expected.size();
  }
}
