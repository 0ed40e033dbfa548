package newssearch.ner;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mention-level scores with conlleval's definitions: a predicted name is correct only when a gold
 * name has exactly its tokens and its type. Kept per type, overall, and untyped (exact tokens, any
 * type).
 */
public final class MentionScore {
  private final Map<String, Counts> byType = new TreeMap<>();
  private Counts untyped = Counts.ZERO;

  /** Adds one sentence's gold and predicted names. */
  public void add(List<NameSpan> gold, List<NameSpan> predicted) {
    Set<NameSpan> goldNames = new HashSet<>(gold);
    Set<NameSpan> predictedNames = new HashSet<>(predicted);
    for (NameSpan g : goldNames) {
      byType.merge(g.type(), new Counts(0, 0, 1), Counts::plus);
    }
    for (NameSpan p : predictedNames) {
      byType.merge(p.type(), new Counts(goldNames.contains(p) ? 1 : 0, 1, 0), Counts::plus);
    }
    Set<List<Integer>> goldSpans = new HashSet<>();
    goldNames.forEach(g -> goldSpans.add(List.of(g.start(), g.end())));
    Set<List<Integer>> predictedSpans = new HashSet<>();
    predictedNames.forEach(p -> predictedSpans.add(List.of(p.start(), p.end())));
    int correct = (int) predictedSpans.stream().filter(goldSpans::contains).count();
    untyped = untyped.plus(new Counts(correct, predictedSpans.size(), goldSpans.size()));
  }

  /** Counts per type (PER, ORG, LOC), in name order. */
  public Map<String, Counts> byType() {
    return Map.copyOf(byType);
  }

  public Counts type(String type) {
    return byType.getOrDefault(type, Counts.ZERO);
  }

  public Counts overall() {
    return byType.values().stream().reduce(Counts.ZERO, Counts::plus);
  }

  public Counts untyped() {
    return untyped;
  }
}
