package newssearch.enrich;

import java.util.ArrayList;
import java.util.List;

/** Looks up the longest gazetteer name that starts at each word (any of a word's keys may match). */
final class GazetteerLookup {
  private final Gazetteer gazetteer;

  GazetteerLookup(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  GazetteerMatch longestAt(List<Token> tokens, int start) {
    String[] firstKeys = Gazetteer.keys(tokens.get(start).key());
    boolean any = false;
    for (String key : firstKeys) {
      any |= gazetteer.root().next.containsKey(key);
    }
    if (!any) {
      return null;
    }
    GazetteerMatch best = null;
    Gazetteer.Node[] frontier = {gazetteer.root()};
    for (int i = start; i < tokens.size() && frontier.length > 0; i++) {
      List<Gazetteer.Node> next = new ArrayList<>(2);
      for (Gazetteer.Node node : frontier) {
        for (String key : Gazetteer.keys(tokens.get(i).key())) {
          Gazetteer.Node child = node.next.get(key);
          if (child != null) {
            next.add(child);
          }
        }
      }
      for (Gazetteer.Node node : next) {
        if (node.name != null) {
          best = new GazetteerMatch(node.name, i + 1);
          break;
        }
      }
      frontier = next.toArray(new Gazetteer.Node[0]);
    }
    return best;
  }
}
