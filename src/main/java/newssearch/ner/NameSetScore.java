package newssearch.ner;

import java.util.HashSet;
import java.util.Set;

/**
 * Per-document name sets: each document's distinct (type, name) pairs, predicted against gold,
 * counts summed over documents (micro average), as a facet would show them.
 */
public final class NameSetScore {
  private Counts counts = Counts.ZERO;

  /** Adds one document's names, written "TYPE name". */
  public void add(Set<String> gold, Set<String> predicted) {
    Set<String> correct = new HashSet<>(predicted);
    correct.retainAll(gold);
    counts = counts.plus(new Counts(correct.size(), predicted.size(), gold.size()));
  }

  public Counts counts() {
    return counts;
  }
}
