package newssearch.search;

import org.apache.lucene.util.automaton.RegExp;

/**
 * Rejects a regular expression whose automaton would be too large to build before Lucene starts
 * building it: {@code /[a-z]{1,1000000}/} parses in microseconds but its automaton takes minutes
 * and gigabytes. The estimate is the number of states the expression expands to before
 * determinization.
 */
public final class RegexLimit {
  /** The same order as Lucene's default determinization work limit. */
  public static final long MAX_STATES = 10_000;
  public static final int MAX_LENGTH = 1_000;

  private RegexLimit() {}

  public static void check(String regex) {
    if (regex.length() > MAX_LENGTH) {
      throw tooComplex("it is longer than " + MAX_LENGTH + " characters");
    }
    RegExp parsed;
    try {
      parsed = new RegExp(regex);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("bad_query", "the regular expression /" + regex + "/ does not parse: " + e.getMessage());
    }
    if (states(parsed) > MAX_STATES) {
      throw tooComplex("its repetitions expand to more than " + MAX_STATES + " states");
    }
  }

  private static InvalidRequestException tooComplex(String why) {
    return new InvalidRequestException("query_too_complex", "the regular expression is too complex: " + why);
  }

  /** States before determinization, saturating at a value well above the limit. */
  static long states(RegExp e) {
    return switch (e.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION, REGEXP_INTERSECTION -> add(states(e.exp1), states(e.exp2));
      case REGEXP_OPTIONAL, REGEXP_REPEAT -> add(states(e.exp1), 1);
      case REGEXP_REPEAT_MIN -> times(states(e.exp1), (long) e.min + 1);
      case REGEXP_REPEAT_MINMAX -> times(states(e.exp1), Math.max(e.max, e.min));
      // A complement is determinized, which Lucene bounds by its work limit; its operand is not.
      case REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> states(e.exp1);
      case REGEXP_STRING -> e.s.codePointCount(0, e.s.length()) + 1L;
      case REGEXP_INTERVAL -> times(Math.max(1, e.digits), 11);
      default -> 2;
    };
  }

  private static long add(long a, long b) {
    return Math.min(a + b, Long.MAX_VALUE / 4);
  }

  private static long times(long a, long b) {
    return a != 0 && b > (Long.MAX_VALUE / 4) / a ? Long.MAX_VALUE / 4 : a * b;
  }
}
