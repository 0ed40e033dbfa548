package newssearch.search;

import java.io.IOException;
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
  private final DirectSpellChecker checker = new DirectSpellChecker();

  /** The corrected query, or null when every word is known or none has a close match. */
  String correct(String query, IndexReader reader) throws IOException {
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
      SuggestWord[] similar = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (similar.length > 0) {
        query = replaceWord(query, word, similar[0].string);
        changed = true;
      }
    }
    return changed ? query : null;
  }

  private static String replaceWord(String query, String word, String replacement) {
    return query.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
        Matcher.quoteReplacement(replacement));
  }
}
