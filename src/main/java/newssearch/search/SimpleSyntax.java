package newssearch.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The search box grammar on top of Lucene's {@code SimpleQueryParser}: words, "phrases",
 * {@code -exclude}, {@code prefix*}, and the words {@code OR}, {@code AND} and {@code NOT} in
 * capitals as people type them (the parser itself knows {@code |}, {@code +} and {@code -}).
 * Operators inside quotes stay words, and so do all words of a query written in capitals
 * ("WHAT IS THE IMPACT OF TARIFFS OR SANCTIONS"), where OR is no more an operator than IS.
 */
final class SimpleSyntax {
  private static final Pattern OR = Pattern.compile("(?<=^|\\s)OR(?=\\s|$)");
  private static final Pattern AND = Pattern.compile("(?<=^|\\s)AND(?=\\s|$)");
  private static final Pattern NOT = Pattern.compile("(?<=^|\\s)NOT\\s+(?=\\S)");
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}\\s.'’&-]+");
  private static final Pattern SPECIAL = Pattern.compile("[\"+|()\\\\]");

  private SimpleSyntax() {}

  /**
   * The query with word operators turned into the parser's symbols, and a quote or parenthesis
   * that is never closed (or never opened) dropped, so a stray one does not swallow the words
   * after it.
   */
  static String toParserSyntax(String query) {
    boolean capitals = allCapitals(query);
    String[] parts = balanced(query).split("\"", -1);
    StringBuilder out = new StringBuilder(query.length());
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append('"');
      }
      boolean quoted = i % 2 == 1;
      out.append(quoted || capitals ? parts[i] : operators(parts[i]));
    }
    return out.toString();
  }

  /** Drops the last quote if quotes are odd, and parentheses outside quotes that do not pair. */
  static String balanced(String query) {
    String q = query;
    if (q.chars().filter(c -> c == '"').count() % 2 == 1) {
      int last = q.lastIndexOf('"');
      q = q.substring(0, last) + " " + q.substring(last + 1);
    }
    char[] chars = q.toCharArray();
    Deque<Integer> open = new ArrayDeque<>();
    boolean quoted = false;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        open.push(i);
      } else if (!quoted && c == ')') {
        if (open.isEmpty()) {
          chars[i] = ' ';
        } else {
          open.pop();
        }
      }
    }
    for (int i : open) {
      chars[i] = ' ';
    }
    return new String(chars);
  }

  /** True when the query is words alone: no quotes, operators, wildcards or parentheses. */
  static boolean isPlainWords(String query) {
    return PLAIN.matcher(query).matches() && !toParserSyntax(query).matches("(?s).*(^|\\s)[|+-].*");
  }

  /** True when the query has letters and none of them is lower case. */
  static boolean allCapitals(String query) {
    boolean letters = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    // A lone operator ("OR", "AND NOT") is still an operator, which matches nothing.
    return letters && query.strip().split("\\s+").length > 2;
  }

  /**
   * A query of words, phrases and excluded words only, split into those parts; null when it uses
   * any other syntax (OR, AND, |, +, wildcards, fuzzy, escapes), which is then matched strictly,
   * as written. Punctuation inside words is left to the analyzer.
   */
  static Parts parts(String query) {
    String q = toParserSyntax(query);
    List<String> words = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    String[] pieces = q.split("\"", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i % 2 == 1) {
        if (!pieces[i].isBlank()) {
          phrases.add(pieces[i].strip());
        }
        continue;
      }
      for (String token : pieces[i].replace('(', ' ').replace(')', ' ').split("\\s+")) {
        if (token.isEmpty()) {
          continue;
        }
        if (token.matches(".*[|+*~\\\\].*")) {
          return null;
        }
        if (token.startsWith("-")) {
          String word = token.replaceFirst("^-+", "");
          if (!word.isEmpty()) {
            excluded.add(word);
          }
        } else {
          words.add(token);
        }
      }
    }
    return new Parts(words, phrases, excluded);
  }

  /** The parts of a query of words: loose words, "quoted phrases" and -excluded words. */
  record Parts(List<String> words, List<String> phrases, List<String> excluded) {}

  private static String operators(String s) {
    s = OR.matcher(s).replaceAll("|");
    s = AND.matcher(s).replaceAll("+");
    return NOT.matcher(s).replaceAll("-");
  }

  /**
   * The words the user wants found, in order: not excluded ones, not operators, not prefixes or
   * fuzzy terms. Phrase boosts and spelling suggestions work on these.
   */
  static List<String> wantedWords(String query) {
    List<String> words = new ArrayList<>();
    for (String token : toParserSyntax(query).split("\\s+")) {
      if (token.startsWith("-") || token.contains("*") || token.contains("~")) {
        continue;
      }
      String word = SPECIAL.matcher(token).replaceAll("").strip();
      if (!word.isEmpty() && !word.equals("-")) {
        words.add(word);
      }
    }
    return words;
  }
}
