package newssearch.ner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import newssearch.enrich.Entity;
import newssearch.enrich.Mention;
import newssearch.ingest.Article;

/**
 * Runs the engine's entity finder over annotated documents and scores it. Each document becomes
 * an article whose text is its sentences, one a line, tokens joined as text is written ("Smith's",
 * "U.S.,"); each mention the engine reports is mapped back to the tokens it covers. Engine types
 * map to PER/ORG/LOC; products and events, which the gold sets do not label, are left out.
 */
public final class EntityEvaluation {
  private final Function<Article, List<Entity>> finder;
  private final MentionScore mentions = new MentionScore();
  private final NameSetScore nameSets = new NameSetScore();
  private int documents;

  public EntityEvaluation(Function<Article, List<Entity>> finder) {
    this.finder = finder;
  }

  public void add(TaggedDocument doc) {
    StringBuilder text = new StringBuilder();
    List<int[]> offsets = new ArrayList<>();
    List<int[]> sentenceOf = new ArrayList<>();
    for (int s = 0; s < doc.sentences().size(); s++) {
      if (s > 0) {
        text.append('\n');
      }
      List<String> tokens = doc.sentences().get(s).tokens();
      for (int t = 0; t < tokens.size(); t++) {
        if (t > 0 && spaceBefore(tokens.get(t - 1), tokens.get(t))) {
          text.append(' ');
        }
        offsets.add(new int[] {text.length(), text.length() + tokens.get(t).length()});
        sentenceOf.add(new int[] {s, t});
        text.append(tokens.get(t));
      }
    }
    Article article = new Article(doc.id(), "", "metadata", text.toString(), null, "", "", List.of(), doc.id(), List.of());
    List<List<NameSpan>> predicted = new ArrayList<>();
    doc.sentences().forEach(s -> predicted.add(new ArrayList<>()));
    Set<String> predictedNames = new LinkedHashSet<>();
    for (Entity e : finder.apply(article)) {
      String type = NerTypes.ofEngine(e.type());
      if (type == null) {
        continue;
      }
      for (Mention m : e.mentions()) {
        if (!m.field().equals("text")) {
          continue;
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < offsets.size(); i++) {
          if (offsets.get(i)[0] < m.end() && m.start() < offsets.get(i)[1]) {
            first = first < 0 ? i : first;
            last = i;
          }
        }
        if (first < 0 || sentenceOf.get(first)[0] != sentenceOf.get(last)[0]) {
          continue;
        }
        int sentence = sentenceOf.get(first)[0];
        NameSpan span = new NameSpan(sentenceOf.get(first)[1], sentenceOf.get(last)[1] + 1, type);
        List<NameSpan> list = predicted.get(sentence);
        if (list.stream().noneMatch(p -> p.start() < span.end() && span.start() < p.end())) {
          list.add(span);
          predictedNames.add(type + " " + doc.sentences().get(sentence).text(span));
        }
      }
    }
    Set<String> goldNames = new HashSet<>();
    for (int s = 0; s < doc.sentences().size(); s++) {
      TaggedSentence sentence = doc.sentences().get(s);
      mentions.add(sentence.names(), predicted.get(s));
      sentence.names().forEach(n -> goldNames.add(n.type() + " " + sentence.text(n)));
    }
    nameSets.add(goldNames, predictedNames);
    documents++;
  }

  /** Whether text puts a space between two tokens: none before closing punctuation and clitics, none after opening ones. */
  static boolean spaceBefore(String previous, String token) {
    if (token.matches("[.,;:!?%)\\]}]+|['’](s|S|re|ve|ll|d|m)|n['’]t|N['’]T|\\.\\.\\.")) {
      return false;
    }
    return !previous.matches("[(\\[{$#]|[“‘]");
  }

  public MentionScore mentions() {
    return mentions;
  }

  public NameSetScore nameSets() {
    return nameSets;
  }

  public int documents() {
    return documents;
  }
}
