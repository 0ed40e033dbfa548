package newssearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of a query's words an article must contain, written as Solr's {@code mm}
 * (edismax "minimum should match"): {@code 3} (at least 3), {@code -1} (all but one), {@code 75%}
 * (three quarters, rounded down), {@code -25%} (all but a quarter, rounded down), and conditions
 * {@code N<spec}: up to N words all are required, above N the spec applies; several conditions
 * ({@code 2<-1 5<60%}) are read in order of N.
 */
public record MinimumMatch(String spec, List<Condition> conditions) {
  /** Above {@code words} words, {@code rule} applies. */
  public record Condition(int words, String rule) {}

  public static MinimumMatch parse(String spec) {
    List<Condition> conditions = new ArrayList<>();
    String[] parts = spec.strip().split("\\s+");
    int last = -1;
    for (String part : parts) {
      int lt = part.indexOf('<');
      if (lt < 0) {
        if (parts.length > 1) {
          throw new IllegalArgumentException("'" + part + "' needs the form N<rule when there are several conditions");
        }
        check(part);
        conditions.add(new Condition(0, part));
        continue;
      }
      int words;
      try {
        words = Integer.parseInt(part.substring(0, lt));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + part + "': a word count must come before '<'");
      }
      if (words <= last) {
        throw new IllegalArgumentException("'" + part + "': conditions must have increasing word counts");
      }
      last = words;
      String rule = part.substring(lt + 1);
      check(rule);
      conditions.add(new Condition(words, rule));
    }
    return new MinimumMatch(spec.strip(), List.copyOf(conditions));
  }

  /** The number of words, between 1 and {@code words}, an article must contain. */
  public int required(int words) {
    if (words <= 0) {
      return 0;
    }
    String rule = null;
    for (Condition c : conditions) {
      if (words > c.words()) {
        rule = c.rule();
      }
    }
    if (rule == null) {
      return words;
    }
    int n = apply(rule, words);
    return Math.max(1, Math.min(words, n));
  }

  private static int apply(String rule, int words) {
    boolean negative = rule.startsWith("-");
    String r = negative ? rule.substring(1) : rule;
    int amount = r.endsWith("%")
        ? (int) Math.floor(words * Integer.parseInt(r.substring(0, r.length() - 1)) / 100.0)
        : Integer.parseInt(r);
    return negative ? words - amount : amount;
  }

  private static void check(String rule) {
    if (!rule.matches("-?\\d{1,9}%?") || (rule.endsWith("%") && Integer.parseInt(rule.replace("-", "").replace("%", "")) > 100)) {
      throw new IllegalArgumentException("'" + rule + "' is not a count (3, -1) or a percentage (75%, -25%)");
    }
  }
}
