package newssearch.ner;

/**
 * Precision, recall and F1 from counts, as conlleval computes them: precision = correct / found,
 * recall = correct / gold, F1 their harmonic mean; 0 when a denominator is 0.
 */
public record Counts(int correct, int found, int gold) {
  public Counts plus(Counts other) {
    return new Counts(correct + other.correct, found + other.found, gold + other.gold);
  }

  public double precision() {
    return found == 0 ? 0 : (double) correct / found;
  }

  public double recall() {
    return gold == 0 ? 0 : (double) correct / gold;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public static final Counts ZERO = new Counts(0, 0, 0);
}
