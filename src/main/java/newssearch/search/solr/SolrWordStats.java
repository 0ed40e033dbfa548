package newssearch.search.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newssearch.search.SpellingSuggester;
import newssearch.search.WordStats;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * How common words are in a collection, for one search: the query plan and did-you-mean decide
 * by these counts as the embedded engine decides by its index's. The words of a query are counted
 * in one request (a JSON query facet per word, exact across shards); counts already known are not
 * asked for again, so trying a corrected query costs one small request.
 */
final class SolrWordStats implements WordStats, SpellingSuggester.Candidates {
  /** Runs a request against the collection. */
  interface Queries {
    NamedList<Object> query(ModifiableSolrParams p) throws IOException;
  }

  private final Queries queries;
  private final Map<String, Integer> known = new HashMap<>();
  private int numDocs = -1;

  SolrWordStats(Queries queries) {
    this.queries = queries;
  }

  @Override
  public int numDocs() throws IOException {
    if (numDocs < 0) {
      count(List.of());
    }
    return numDocs;
  }

  @Override
  public int[] docFreqs(String field, List<String> terms) throws IOException {
    List<String> keys = terms.stream().map(t -> field + ":" + t).toList();
    List<String> missing = keys.stream().filter(k -> !known.containsKey(k)).distinct().toList();
    if (!missing.isEmpty() || numDocs < 0) {
      count(missing);
    }
    int[] out = new int[terms.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = known.get(keys.get(i));
    }
    return out;
  }

  /** Counts the articles of each {@code field:term} key, and all articles, in one request. */
  private void count(List<String> keys) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams().set("q", "*:*").set("rows", 0);
    StringBuilder facets = new StringBuilder("{");
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      int colon = key.indexOf(':');
      p.set("wsf" + i, key.substring(0, colon));
      p.set("wst" + i, key.substring(colon + 1));
      facets.append(i == 0 ? "" : ",").append("\"w").append(i)
          .append("\":{\"type\":\"query\",\"q\":\"{!term f=$wsf").append(i).append(" v=$wst").append(i).append("}\"}");
    }
    if (!keys.isEmpty()) {
      p.set("json.facet", facets.append('}').toString());
    }
    NamedList<Object> response = queries.query(p);
    numDocs = (int) ((SolrDocumentList) response.get("response")).getNumFound();
    NamedList<?> counts = (NamedList<?>) response.get("facets");
    for (int i = 0; i < keys.size(); i++) {
      Object bucket = counts == null ? null : counts.get("w" + i);
      Object n = bucket instanceof NamedList<?> b ? b.get("count") : null;
      known.put(keys.get(i), n instanceof Number c ? c.intValue() : 0);
    }
  }

  /** Solr's spellcheck component over the same vocabulary ({@code spell}), as configured in the configset. */
  @Override
  public List<String> closest(String word, boolean inIndex) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams().set("q", "*:*").set("rows", 0)
        .set("spellcheck", true).set("spellcheck.q", word).set("spellcheck.count", SpellingSuggester.CANDIDATES)
        .set("spellcheck.onlyMorePopular", inIndex).set("spellcheck.collate", false);
    List<String> out = new ArrayList<>();
    if (queries.query(p).get("spellcheck") instanceof NamedList<?> spellcheck
        && spellcheck.get("suggestions") instanceof NamedList<?> suggestions) {
      for (Map.Entry<String, ?> s : suggestions) {
        if (s.getValue() instanceof NamedList<?> details && details.get("suggestion") instanceof List<?> words) {
          for (Object w : words) {
            String text = w instanceof NamedList<?> extended ? String.valueOf(extended.get("word")) : String.valueOf(w);
            if (!out.contains(text) && !text.equals(word)) {
              out.add(text);
            }
          }
        }
      }
    }
    return out;
  }
}
