package newssearch.enrich;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One field's words, with the gazetteer match starting at each. */
final class FieldWords {
  /** Roman numerals that may end a name ("Henry VIII", "Civilization IV"). */
  static final Set<String> ROMAN = Set.of("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII");
  private final EntityCues cues;
  final String field;
  final String text;
  final List<Token> tokens;
  final GazetteerMatch[] matches;
  final boolean[] heading;
  final boolean[] shouting;
  /** Which words are part of an e-mail or web address; null when the text has none. */
  private final boolean[] address;

  FieldWords(String field, String text, GazetteerLookup lookup, EntityCues cues) {
    this.cues = cues;
    this.field = field;
    this.text = text;
    this.tokens = Token.tokenize(text);
    this.matches = new GazetteerMatch[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      matches[i] = lookup.longestAt(tokens, i);
    }
    this.heading = headings(text, tokens, false);
    this.shouting = headings(text, tokens, true);
    this.address = addresses(text, tokens);
  }

  /**
   * Whether word {@code i} is part of an e-mail or web address ("jane.doe@enron.com",
   * "http://www.gulf-news.com/Articles/..."): such words name no one, though a bare domain
   * ("Suprnova.org") may name an organisation.
   */
  boolean address(int i) {
    return address != null && address[i];
  }

  private static boolean[] addresses(String text, List<Token> tokens) {
    if (text.indexOf('@') < 0 && !text.contains("://") && !text.contains("www.")) {
      return null;
    }
    boolean[] address = new boolean[tokens.size()];
    int t = 0;
    int from = 0;
    while (from < text.length()) {
      while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      int to = from;
      while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
        to++;
      }
      String chunk = text.substring(from, to);
      boolean isAddress = chunk.indexOf('@') > 0 || chunk.contains("://") || chunk.regionMatches(true, 0, "www.", 0, 4);
      while (t < tokens.size() && tokens.get(t).start() < to) {
        address[t] = isAddress && tokens.get(t).start() >= from;
        t++;
      }
      from = to;
    }
    return address;
  }

  Token at(int i) {
    return tokens.get(i);
  }

  int size() {
    return tokens.size();
  }

  String gap(int a, int b) {
    return text.substring(tokens.get(a).end(), tokens.get(b).start());
  }

  /**
   * The word that ends with word {@code i}, with the parts a hyphen joins to it: "scrum-half",
   * "ex-president", as cue words are written.
   */
  String compoundEndingAt(int i) {
    int first = i;
    while (first > 0 && gap(first - 1, first).equals("-")) {
      first--;
    }
    return text.substring(tokens.get(first).start(), tokens.get(i).end());
  }

  /** The word that starts with word {@code i}, with the parts a hyphen joins to it: "fly-half", "18-17". */
  String compoundStartingAt(int i) {
    return text.substring(tokens.get(i).start(), tokens.get(compoundEnd(i) - 1).end());
  }

  /** The index after the hyphenated word that starts with word {@code i} ("fly-half"). */
  int compoundEnd(int i) {
    int end = i + 1;
    while (end < tokens.size() && gap(end - 1, end).equals("-")) {
      end++;
    }
    return end;
  }

  /** Whether words {@code a} and {@code a + 1} belong to one name: a space, a hyphen or " & " between. */
  boolean joined(int a) {
    if (a + 1 >= tokens.size()) {
      return false;
    }
    String gap = gap(a, a + 1);
    return gap.equals(" ") || gap.equals("\u00a0") || gap.equals("-") || gap.equals(" & ");
  }

  /** A model or version number after a name word ("AlphaBot 2", "FIFA 2005"), not a score ("6-3"). */
  boolean version(int i) {
    Token t = tokens.get(i);
    boolean number = t.text().chars().allMatch(c -> Character.isDigit(c) || c == '.') || ROMAN.contains(t.text());
    if (i == 0 || t.text().length() > 4 || !number) {
      return false;
    }
    Token before = tokens.get(i - 1);
    if (!before.capitalised() || cues.is("not-name", before.text()) || !gap(i - 1, i).equals(" ") || tableLine(i)) {
      return false;
    }
    int after = t.end();
    return after >= text.length() || " .;)".indexOf(text.charAt(after)) >= 0 && !(after + 1 < text.length()
        && text.charAt(after) == '.' && Character.isDigit(text.charAt(after + 1)));
  }

  /**
   * Whether word {@code i} stands in a line of a results table ("Andrew Park 72 70 68",
   * "NEW JERSEY 14 Detroit 10"): a line without a final full stop that has another number. Numbers
   * there are scores, not part of the names beside them.
   */
  boolean tableLine(int i) {
    int from = text.lastIndexOf('\n', tokens.get(i).start()) + 1;
    int to = text.indexOf('\n', tokens.get(i).end());
    String line = text.substring(from, to < 0 ? text.length() : to).strip();
    if (line.endsWith(".")) {
      return false;
    }
    int numbers = 0;
    for (Token t : tokens) {
      if (t.start() >= from && t.end() <= from + line.length() + 1 && t.number()) {
        numbers++;
      }
    }
    return numbers >= 2;
  }

  /**
   * Whether words {@code [i, end)} open a line and are followed by a dateline's punctuation
   * ("LONDON (Reuters) -", "NEW YORK, Dec 6 -"): a place written in capitals, not shouting.
   */
  boolean dateline(int i, int end) {
    int lineStart = text.lastIndexOf('\n', tokens.get(i).start()) + 1;
    if (!text.substring(lineStart, tokens.get(i).start()).isBlank() || end > tokens.size()) {
      return false;
    }
    String after = text.substring(tokens.get(end - 1).end()).stripLeading();
    return after.startsWith("(") || after.startsWith(",") || after.startsWith("-") || after.startsWith("\u2013")
        || after.startsWith("\u2014") || after.startsWith(":");
  }

  /**
   * Whether words {@code [from, to)} are all of their line but for a leading dash and trailing
   * punctuation: a signature ("Debra Perlingiere"), a byline or a quotation's author ("- Will
   * Rogers").
   */
  boolean wholeLine(int from, int to) {
    int lineStart = text.lastIndexOf('\n', tokens.get(from).start()) + 1;
    int lineEnd = text.indexOf('\n', tokens.get(to - 1).end());
    String before = text.substring(lineStart, tokens.get(from).start());
    String after = text.substring(tokens.get(to - 1).end(), lineEnd < 0 ? text.length() : lineEnd);
    return before.replaceAll("[-\u2013\u2014\\s]", "").isEmpty() && after.replaceAll("[,.;:!\\s]", "").isEmpty();
  }

  /** A number that opens a name ("2012 Laboratories"), not part of a figure ("2,530 Oscars"). */
  boolean numberedName(int i) {
    Token t = tokens.get(i);
    return t.numeric() && t.text().length() >= 2 && t.text().chars().allMatch(Character::isDigit)
        && (t.start() == 0 || Character.isWhitespace(text.charAt(t.start() - 1)))
        && joined(i) && tokens.get(i + 1).capitalised() && gap(i, i + 1).equals(" ");
  }

  boolean sentenceStart(int i) {
    if (i == 0) {
      return true;
    }
    Token prev = tokens.get(i - 1);
    if (prev.text().endsWith(".") && !prev.initial()) {
      return true;
    }
    String gap = gap(i - 1, i);
    for (int k = 0; k < gap.length(); k++) {
      if (".!?:;\n|\"“”‘•(–—".indexOf(gap.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * For each word, whether its line reads like a headline or table row: short, most words
   * capitalised, no full stop at the end; or, with {@code capitals}, a line written in capitals ("WHO WAS OSCAR?"), where
   * acronyms cannot be told from words.
   */
  static boolean[] headings(String text, List<Token> tokens, boolean capitals) {
    boolean[] heading = new boolean[tokens.size()];
    int i = 0;
    while (i < tokens.size()) {
      int lineEnd = text.indexOf('\n', tokens.get(i).start());
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      int j = i;
      int words = 0;
      int caps = 0;
      while (j < tokens.size() && tokens.get(j).start() < lineEnd) {
        Token t = tokens.get(j);
        if (t.text().length() > 3 && Character.isLetter(t.text().charAt(0))) {
          words++;
          boolean counts = capitals ? t.text().equals(t.text().toUpperCase(Locale.ROOT)) : t.capitalised();
          caps += counts ? 1 : 0;
        }
        j++;
      }
      // A line that ends with a full stop is a sentence, however many names it has.
      boolean sentence = text.substring(tokens.get(i).start(), lineEnd).stripTrailing().endsWith(".");
      boolean isHeading = capitals ? words >= 2 && caps == words
          : !sentence && j - i <= 20 && words >= 2 && caps * 4 >= words * 3;
      for (int k = i; k < j; k++) {
        heading[k] = isHeading;
      }
      i = Math.max(j, i + 1);
    }
    return heading;
  }
}
