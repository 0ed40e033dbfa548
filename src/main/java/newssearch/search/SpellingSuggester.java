package newssearch.search;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newssearch.index.Schema;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Proposes the query with each word that no article contains replaced by the closest word that
 * some do ("Nvida" becomes "nvidia"), from the index's own vocabulary ({@link Schema#SPELL}).
 * The caller offers it only when it finds more than the query as typed.
 */
final class SpellingSuggester {
  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  /** Unknown words whose closest known word is remembered: looking it up builds costly automata. */
  private static final int REMEMBERED = 1024;
  /** Remembered for a word with no close match. */
  private static final String NONE = "";

  private final IndexReader reader;
  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final Map<String, String> closest = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > REMEMBERED;
    }
  });

  /** Suggests from the vocabulary of {@code reader}, which the suggester's memory is only valid for. */
  SpellingSuggester(IndexReader reader) {
    this.reader = reader;
  }

  /** The corrected query, or null when every word is known or none has a close match. */
  String correct(String query) throws IOException {
    boolean changed = false;
    for (String word : SimpleSyntax.wantedWords(query)) {
      Matcher letters = WORD.matcher(word);
      if (!letters.matches()) {
        continue;
      }
      Term term = new Term(Schema.SPELL, word.toLowerCase(Locale.ROOT));
      if (reader.docFreq(term) > 0) {
        continue;
      }
      String similar = closest(term);
      if (!similar.isEmpty()) {
        query = replaceWord(query, word, similar);
        changed = true;
      }
    }
    return changed ? query : null;
  }

  /** The known word closest to {@code term}, or {@link #NONE}. */
  private String closest(Term term) throws IOException {
    String known = closest.get(term.text());
    if (known == null) {
      SuggestWord[] similar = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      known = similar.length > 0 ? similar[0].string : NONE;
      closest.put(term.text(), known);
    }
    return known;
  }

  private static String replaceWord(String query, String word, String replacement) {
    return query.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
        Matcher.quoteReplacement(replacement));
  }
}
