package newssearch.search.solr;

import java.util.List;
import newssearch.index.Schema;
import newssearch.search.SortOrder;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Titles that complete what a user is typing, found in Solr: the newest articles whose spelling
 * words hold every typed word, the last one as a prefix, then checked against the title itself.
 */
final class TitleCompletions {
  private TitleCompletions() {}

  /** The typed words, folded as the spelling field is; the last one may be unfinished. */
  static List<String> words(String typed) {
    return List.of(SolrEntities.fold(typed).split("[^\\p{L}\\p{N}]+")).stream().filter(w -> !w.isEmpty()).toList();
  }

  /** A request for twice {@code n} titles, newest first, that may complete {@code words}. */
  static ModifiableSolrParams request(List<String> words, int n) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      q.append(i == 0 ? "+" : " +").append(Schema.SPELL).append(':').append(words.get(i)).append(i == words.size() - 1 ? "*" : "");
    }
    return new ModifiableSolrParams().set("q", "{!lucene v=$tq}").set("tq", q.toString())
        .set("fl", Schema.ID + "," + Schema.TITLE).set("rows", 2 * n).set("sort", SolrQueries.sort(SortOrder.NEWEST));
  }

  /** Every word but the last is in the title, and a title word starts with the last one. */
  static boolean matches(String title, List<String> words) {
    List<String> titleWords = List.of(SolrEntities.fold(title).split("[^\\p{L}\\p{N}]+"));
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean last = i == words.size() - 1;
      if (titleWords.stream().noneMatch(t -> last ? t.startsWith(w) : t.equals(w))) {
        return false;
      }
    }
    return true;
  }
}
