package newssearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newssearch.index.Schema;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Proposes a corrected query from the index's own vocabulary ({@link Schema#SPELL}), for the
 * whole query at once, as Solr's {@code spellcheck.collate} does: each word no article contains,
 * and each rare word, gets its closest known words as candidates; the combinations are tried as
 * whole queries and the one that finds the most articles wins ("tony blare" becomes "tony blair",
 * not "tony blame"). The caller offers it only when it finds more than the query as typed.
 */
public final class SpellingSuggester {
  private static final Pattern WORD = Pattern.compile("\\p{L}{3,40}");
  /** Unknown words whose closest known words are remembered: looking them up builds costly automata. */
  private static final int REMEMBERED = 1024;
  /**
   * Candidates per word: enough to reach a name two edits away past the words one edit away
   * ("blare" is one edit from "blame" and "blake", two from "blair").
   */
  public static final int CANDIDATES = 8;
  /** A known word in at most this many articles may be a misspelling of a more common one. */
  private static final int RARE = 2;
  /** Whole queries tried at most: each costs a count. */
  private static final int MAX_TRIES = 12;

  /** Counts the articles a query finds. */
  public interface Counter {
    long count(String query) throws IOException;
  }

  /** The known words closest to a word, closest first (Lucene's DirectSpellChecker, or Solr's). */
  public interface Candidates {
    /**
     * @param known whether some article has {@code word}: then only more common words are candidates
     */
    List<String> closest(String word, boolean known) throws IOException;
  }

  private final IndexReader reader;
  private final WordStats stats;
  private final Candidates candidates;
  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final Map<String, List<String>> closest = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
      return size() > REMEMBERED;
    }
  });

  /** Suggests from the vocabulary of {@code reader}, which the suggester's memory is only valid for. */
  SpellingSuggester(IndexReader reader) {
    this.reader = reader;
    this.stats = WordStats.of(reader);
    this.candidates = (word, known) -> closest(new Term(Schema.SPELL, word),
        known ? SuggestMode.SUGGEST_MORE_POPULAR : SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
  }

  /**
   * Suggests from the vocabulary of an engine elsewhere: {@code stats} counts words of
   * {@link Schema#SPELL}, {@code candidates} proposes known words. The choice among them is the
   * embedded engine's.
   */
  public SpellingSuggester(WordStats stats, Candidates candidates) {
    this.reader = null;
    this.stats = stats;
    this.candidates = candidates;
  }

  /** The corrected query with each unknown word replaced by its closest known word, or null (not collated). */
  String correct(String query) throws IOException {
    return correct(query, q -> 1, 0);
  }

  /**
   * The collation that finds the most articles, more than {@code found}, or null when none does.
   */
  public String correct(String query, Counter counter, long found) throws IOException {
    List<String> words = new ArrayList<>();
    List<List<String>> options = new ArrayList<>();
    List<String> lettersOnly = SimpleSyntax.wantedWords(query).stream().filter(w -> WORD.matcher(w).matches()).toList();
    int[] freqs = lettersOnly.isEmpty() ? new int[0]
        : stats.docFreqs(Schema.SPELL, lettersOnly.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    for (int w = 0; w < lettersOnly.size(); w++) {
      String word = lettersOnly.get(w);
      int df = freqs[w];
      if (df > RARE) {
        continue;
      }
      List<String> similar = candidates.closest(word.toLowerCase(Locale.ROOT), df > 0);
      if (similar.isEmpty()) {
        continue;
      }
      List<String> choices = new ArrayList<>();
      if (df > 0) {
        choices.add(word);
      }
      choices.addAll(similar);
      words.add(word);
      options.add(choices);
    }
    if (words.isEmpty()) {
      return null;
    }
    String best = null;
    long bestCount = found;
    for (int[] pick : combinations(options)) {
      String candidate = query;
      boolean changed = false;
      for (int i = 0; i < pick.length; i++) {
        String choice = options.get(i).get(pick[i]);
        if (!choice.equals(words.get(i))) {
          candidate = replaceWord(candidate, words.get(i), choice);
          changed = true;
        }
      }
      if (!changed) {
        continue;
      }
      long count = counter.count(candidate);
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  /** Index picks into each word's options, the closest options first, at most {@link #MAX_TRIES}. */
  private static List<int[]> combinations(List<List<String>> options) {
    List<int[]> out = new ArrayList<>();
    int maxRank = options.stream().mapToInt(List::size).max().orElse(0);
    // By the sum of ranks: all first choices, then one word at its second choice, and so on.
    for (int sum = 0; sum <= maxRank * options.size() && out.size() < MAX_TRIES; sum++) {
      collect(options, new int[options.size()], 0, sum, out);
    }
    return out.size() > MAX_TRIES ? out.subList(0, MAX_TRIES) : out;
  }

  private static void collect(List<List<String>> options, int[] pick, int i, int left, List<int[]> out) {
    if (out.size() >= MAX_TRIES) {
      return;
    }
    if (i == pick.length) {
      if (left == 0) {
        out.add(pick.clone());
      }
      return;
    }
    for (int r = 0; r < options.get(i).size() && r <= left; r++) {
      pick[i] = r;
      collect(options, pick, i + 1, left - r, out);
    }
  }

  /** The known words closest to {@code term}, closest first; empty when none is close. */
  private List<String> closest(Term term, SuggestMode mode) throws IOException {
    String key = mode.name() + ":" + term.text();
    List<String> known = closest.get(key);
    if (known == null) {
      SuggestWord[] similar = checker.suggestSimilar(term, CANDIDATES, reader, mode);
      known = java.util.Arrays.stream(similar).map(w -> w.string).toList();
      closest.put(key, known);
    }
    return known;
  }

  private static String replaceWord(String query, String word, String replacement) {
    return query.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
        Matcher.quoteReplacement(replacement));
  }
}
