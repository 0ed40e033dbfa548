package newssearch.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.ingest.Article;

/**
 * Finds the gazetteer's names in an article: one pass over the words, taking the longest name
 * that starts at each word, and maps every alias to its canonical name.
 */
public final class EntityTagger {
  private final Gazetteer gazetteer;

  public EntityTagger(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  public List<Entity> tag(Article article) {
    Map<String, List<Mention>> mentions = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    find("title", article.title(), mentions, types);
    find("text", article.text(), mentions, types);
    List<Entity> entities = new ArrayList<>();
    mentions.forEach((name, where) -> entities.add(new Entity(name, types.get(name), false, where)));
    return entities;
  }

  private void find(String field, String text, Map<String, List<Mention>> mentions, Map<String, String> types) {
    List<Token> tokens = Token.tokenize(text);
    int i = 0;
    while (i < tokens.size()) {
      Match match = longestAt(tokens, i);
      if (match == null) {
        i++;
        continue;
      }
      mentions.computeIfAbsent(match.name.canonical(), k -> new ArrayList<>())
          .add(new Mention(field, tokens.get(i).start(), tokens.get(match.end - 1).end()));
      types.putIfAbsent(match.name.canonical(), match.name.type());
      i = match.end;
    }
  }

  private record Match(Gazetteer.Name name, int end) {}

  private Match longestAt(List<Token> tokens, int start) {
    Match best = null;
    List<Gazetteer.Node> frontier = List.of(gazetteer.root());
    for (int i = start; i < tokens.size() && !frontier.isEmpty(); i++) {
      String key = tokens.get(i).key();
      List<Gazetteer.Node> next = new ArrayList<>(2);
      for (Gazetteer.Node node : frontier) {
        Gazetteer.Node exact = node.next.get(Gazetteer.fold(key, true));
        if (exact != null) {
          next.add(exact);
        }
        Gazetteer.Node folded = node.next.get(Gazetteer.fold(key, false));
        if (folded != null) {
          next.add(folded);
        }
      }
      for (Gazetteer.Node node : next) {
        if (!node.names.isEmpty()) {
          best = new Match(node.names.get(0), i + 1);
        }
      }
      frontier = next;
    }
    return best;
  }
}
