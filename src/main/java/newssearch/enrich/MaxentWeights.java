package newssearch.enrich;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A maximum-entropy model's weights laid out for fast lookup: the probabilities OpenNLP's
 * {@link GISModel#eval(String[])} gives, computed the same way (the same sums in the same order, the
 * same {@link StrictMath#exp}), from flat arrays instead of a {@code HashMap} of feature strings.
 *
 * <p>Why: the name model has about 160,000 features, and looking up each word's features in
 * OpenNLP's map (a table, a node, a string and its bytes, then the weights, each somewhere else in
 * memory) was the largest single cost of enriching an article. Here a feature is found by a 64-bit
 * hash of its text in one open-addressed array, which holds its first weight beside the hash. Two texts
 * with the same 64-bit hash would be taken for one another; the model's own features are checked
 * for that at load, and a word's unseen feature text meets one of them with a probability of about
 * 10<sup>-14</sup> per lookup.
 *
 * <p>{@link #of} returns null for a model it cannot reproduce exactly (not a GIS model, colliding
 * features, or a prior that is not uniform, found by comparing its answers with the model's); the
 * caller then asks the model itself.
 */
final class MaxentWeights {
  private static final long EMPTY = 0L;
  /** Longs per slot: the feature's key, its first weight, and where its outcomes are. */
  private static final int STRIDE = 3;

  /**
   * Slot after slot: key, the bits of the first weight, then (first outcome) | (weight count &lt;&lt; 8)
   * | (offset of the other weights &lt;&lt; 16). Most features have one weight, so finding a feature
   * and reading its weight touch one place in memory.
   */
  private final long[] table;
  private final int[] moreOutcomes;
  private final double[] moreWeights;
  private final int outcomeCount;
  private final double logPrior;

  private MaxentWeights(long[] table, int[] moreOutcomes, double[] moreWeights, int outcomeCount) {
    this.table = table;
    this.moreOutcomes = moreOutcomes;
    this.moreWeights = moreWeights;
    this.outcomeCount = outcomeCount;
    this.logPrior = Math.log(1.0 / outcomeCount);
  }

  /** The model's weights, or null when this class cannot give exactly the model's probabilities. */
  static MaxentWeights of(MaxentModel model) {
    if (!(model instanceof GISModel gis) || gis.getNumOutcomes() > 0xFF) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Context> byFeature = (Map<String, Context>) gis.getDataStructures()[1];
    int slots = Integer.highestOneBit(Math.max(4, byFeature.size() * 3 / 2)) * 2; // two thirds full at most
    long[] table = new long[slots * STRIDE];
    int more = 0;
    for (Context c : byFeature.values()) {
      more += Math.max(0, c.getOutcomes().length - 1);
    }
    int[] moreOutcomes = new int[more];
    double[] moreWeights = new double[more];
    int at = 0;
    for (Map.Entry<String, Context> e : byFeature.entrySet()) {
      long key = key(e.getKey());
      int slot = (int) key & (slots - 1);
      while (table[slot * STRIDE] != EMPTY) {
        if (table[slot * STRIDE] == key) {
          return null; // two features share a hash: looking them up here would mix them
        }
        slot = (slot + 1) & (slots - 1);
      }
      int[] o = e.getValue().getOutcomes();
      double[] w = e.getValue().getParameters();
      if (o.length > 0xFF) {
        return null;
      }
      int base = slot * STRIDE;
      table[base] = key;
      table[base + 1] = o.length == 0 ? 0 : Double.doubleToRawLongBits(w[0]);
      table[base + 2] = (o.length == 0 ? 0 : o[0]) | ((long) o.length << 8) | ((long) at << 16);
      for (int i = 1; i < o.length; i++, at++) {
        moreOutcomes[at] = o[i];
        moreWeights[at] = w[i];
      }
    }
    MaxentWeights weights = new MaxentWeights(table, moreOutcomes, moreWeights, gis.getNumOutcomes());
    return weights.agreesWith(gis, byFeature.keySet().toArray(String[]::new)) ? weights : null;
  }

  /** The probability of each outcome (in the model's outcome order) for these features. */
  double[] eval(String[] features) {
    double[] dist = new double[outcomeCount];
    Arrays.fill(dist, logPrior);
    for (String f : features) {
      int base = find(f);
      if (base < 0) {
        continue;
      }
      long where = table[base + 2];
      int count = (int) (where >>> 8) & 0xFF;
      if (count == 0) {
        continue;
      }
      // The same sums in the same order as OpenNLP (each weight times the feature's value, 1).
      dist[(int) where & 0xFF] += Double.longBitsToDouble(table[base + 1]);
      for (int i = (int) (where >>> 16), end = i + count - 1; i < end; i++) {
        dist[moreOutcomes[i]] += moreWeights[i];
      }
    }
    double normal = 0.0;
    for (int o = 0; o < outcomeCount; o++) {
      dist[o] = StrictMath.exp(dist[o]);
      normal += dist[o];
    }
    for (int o = 0; o < outcomeCount; o++) {
      dist[o] /= normal;
    }
    return dist;
  }

  /** The feature's slot (its first long in the table), or -1 when the model does not know it. */
  private int find(String feature) {
    long key = key(feature);
    int mask = table.length / STRIDE - 1;
    for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
      long k = table[slot * STRIDE];
      if (k == key) {
        return slot * STRIDE;
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** FNV-1a over the text's chars, then MurmurHash3's finaliser so that the low bits pick slots well. */
  static long key(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == EMPTY ? 1L : h;
  }

  /**
   * Whether this table gives the model's own probabilities: for single features spread over the
   * model, for groups of them, and for a feature the model does not know. A model with another
   * prior than the uniform one, or another way of summing, fails here.
   */
  private boolean agreesWith(GISModel model, String[] features) {
    int step = Math.max(1, features.length / 200);
    for (int i = 0; i < features.length; i += step) {
      String[] one = {features[i]};
      String[] group = {features[i], features[(i * 7 + 3) % features.length], "\u0000not a feature",
          features[(i * 13 + 5) % features.length]};
      if (!Arrays.equals(eval(one), model.eval(one)) || !Arrays.equals(eval(group), model.eval(group))) {
        return false;
      }
    }
    return true;
  }
}
