package newssearch.search;

import java.util.List;

/**
 * The search box grammar ({@link SimpleSyntax}) for engines outside this package: the Solr engine
 * reads a query exactly as the embedded one does before handing it to Solr's parser of the same
 * grammar.
 */
public final class QueryText {
  private QueryText() {}

  /** The query in Lucene's simple query parser syntax, stray quotes and parentheses dropped. */
  public static String parserSyntax(String query) {
    return SimpleSyntax.toParserSyntax(query);
  }

  /** The words the user wants found, in order (for proximity boosts and spelling). */
  public static List<String> wantedWords(String query) {
    return SimpleSyntax.wantedWords(query);
  }

  /**
   * True when the query is words alone (no quotes, operators, wildcards or parentheses): the
   * embedded engine then also reads it as one text per field, so multi-word synonyms fire.
   */
  public static boolean isPlainWords(String query) {
    return SimpleSyntax.isPlainWords(query);
  }

  /** HTML escaping of text shown in snippets and titles: the embedded engine's rules. */
  public static String escapeHtml(String text) {
    return Html.escape(text);
  }
}
