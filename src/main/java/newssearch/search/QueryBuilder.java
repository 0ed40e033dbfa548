package newssearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns the text of {@code q} into a Lucene query over the headline, text and entity fields,
 * scored by BM25 with the headline weighted most (a title derived from the text is no headline). A query of several words also rewards articles where the
 * words stand close together, in the title most.
 */
public final class QueryBuilder {
  /** Field weights: a word in the title counts more than one in the text. */
  static final Map<String, Float> WEIGHTS = weights();
  /** Words at most this far apart count as near each other for the proximity boost. */
  static final int PROXIMITY_SLOP = 3;
  /** Shared by every builder: the same prefix typed again reuses its automaton. */
  static final PrefixQueries PREFIXES = new PrefixQueries();

  private final Analyzer analyzer;
  private final SearchLimits limits;

  /** @param analyzer the query-time analyzer for every field ({@link Schema#analyzer}) */
  public QueryBuilder(Analyzer analyzer) {
    this(analyzer, SearchLimits.DEFAULT);
  }

  public QueryBuilder(Analyzer analyzer, SearchLimits limits) {
    this.analyzer = analyzer;
    this.limits = limits;
  }

  /**
   * A query as it ranks ({@code ranked}) and as a page's snippets mark it ({@code marked}): the
   * words and phrases typed, without the near-phrase clauses that only rank. Marking the near
   * phrases too would cost the highlighter a phrase match per hit and field, and mark two words
   * three apart as one passage of text.
   */
  public record Parsed(Query ranked, Query marked) {}

  public Query parse(String text, QuerySyntax syntax) {
    return parseBoth(text, syntax).ranked();
  }

  /** The query of {@code text}, as it ranks and as its snippets are marked. */
  public Parsed parseBoth(String text, QuerySyntax syntax) {
    if (text.isBlank()) {
      return new Parsed(MatchAllDocsQuery.INSTANCE, MatchAllDocsQuery.INSTANCE);
    }
    checkLength(text);
    Parsed query;
    try {
      query = switch (syntax) {
        case SIMPLE -> simple(text);
        case LUCENE -> {
          Query q = lucene(text);
          yield new Parsed(q, q);
        }
      };
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooComplex("it expands to more than " + IndexSearcher.getMaxClauseCount() + " clauses");
    } catch (TooComplexToDeterminizeException e) {
      throw tooComplex("a wildcard or regular expression is too complex");
    }
    checkCost(query.ranked());
    return query;
  }

  /** Refuses a query longer than the limit: the one bound on what a user may send. */
  void checkLength(String text) {
    if (text.length() > limits.maxQueryChars()) {
      throw new InvalidRequestException("query_too_long",
          "the query has " + text.length() + " characters; at most " + limits.maxQueryChars() + " are allowed");
    }
  }

  /** The search box's parser: every word required, each over the weighted fields. */
  SimpleQueryParser simpleParser() {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS) {
      /** As Lucene's, with each field's prefix query from {@link #PREFIXES}. */
      @Override
      protected Query newPrefixQuery(String text) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : weights.entrySet()) {
          Term prefix = new Term(field.getKey(), getAnalyzer().normalize(field.getKey(), text));
          Query q = PREFIXES.of(prefix, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
          fields.add(field.getValue() == 1f ? q : new BoostQuery(q, field.getValue()), BooleanClause.Occur.SHOULD);
        }
        return simplify(fields.build());
      }
    };
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    return parser;
  }

  private Parsed simple(String text) {
    SimpleQueryParser parser = simpleParser();
    Query query = parser.parse(SimpleSyntax.toParserSyntax(text));
    if (query == null) {
      // A query of stop words alone, or of operators alone, parses to nothing: match nothing
      // rather than everything, as a search engine user expects.
      Query nothing = new BooleanQuery.Builder().build();
      return new Parsed(nothing, nothing);
    }
    if (SimpleSyntax.isPlainWords(text)) {
      query = orAsOneText(query, parser, text);
    }
    return new Parsed(withProximityBoost(query, parser, SimpleSyntax.wantedWords(text)), query);
  }

  /**
   * The parser analyses each word alone, so a synonym of several words ("artificial
   * intelligence" for "AI") never fires. Words alone are also read as one text per field, and an
   * article matching either reading is found.
   */
  private static Query orAsOneText(Query wordByWord, SimpleQueryParser parser, String text) {
    BooleanQuery.Builder asText = new BooleanQuery.Builder();
    boolean any = false;
    for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
      Query q = parser.createBooleanQuery(field.getKey(), text, BooleanClause.Occur.MUST);
      if (q != null) {
        asText.add(new BoostQuery(q, field.getValue()), BooleanClause.Occur.SHOULD);
        any = true;
      }
    }
    if (!any) {
      return wordByWord;
    }
    return new BooleanQuery.Builder()
        .add(wordByWord, BooleanClause.Occur.SHOULD)
        .add(asText.build(), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** Adds optional near-phrase clauses, so the words together rank above the words apart. */
  private static Query withProximityBoost(Query query, SimpleQueryParser parser, List<String> words) {
    if (words.size() < 2) {
      return query;
    }
    String phrase = String.join(" ", words);
    BooleanQuery.Builder boosted = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    for (String field : List.of(Schema.HEADLINE, Schema.TEXT)) {
      Query near = parser.createPhraseQuery(field, phrase, PROXIMITY_SLOP);
      if (near != null) {
        boosted.add(new BoostQuery(near, WEIGHTS.get(field)), BooleanClause.Occur.SHOULD);
      }
    }
    return boosted.build();
  }

  private Query lucene(String text) {
    LuceneSyntaxParser parser = new LuceneSyntaxParser(analyzer);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      throw new InvalidRequestException("bad_query", "the query does not parse: " + parseError(e.getMessage(), text));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("bad_query", "the query cannot be run: " + firstLine(e.getMessage()));
    }
  }

  /** Refuses a query that would make too many term lookups or expand too many patterns. */
  private void checkCost(Query query) {
    QueryCost cost = QueryCost.of(query);
    if (cost.terms() > limits.maxTerms()) {
      throw tooComplex("it needs " + cost.terms() + " term lookups across the searched fields; at most "
          + limits.maxTerms() + " are allowed");
    }
    if (cost.expanding() > limits.maxExpandingTerms()) {
      throw tooComplex("it has " + cost.expanding() + " wildcard, prefix or fuzzy lookups across the searched fields; at most "
          + limits.maxExpandingTerms() + " are allowed");
    }
  }

  static InvalidRequestException tooComplex(String why) {
    return new InvalidRequestException("query_too_complex", "the query is too complex: " + why);
  }

  /** "Cannot parse 'q': Encountered ... at line 1, column 7." without the echo of the query. */
  private static String parseError(String message, String text) {
    String line = firstLine(message);
    String echo = "Cannot parse '" + text + "': ";
    return line.startsWith(echo) ? line.substring(echo.length()) : line;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  private static Map<String, Float> weights() {
    Map<String, Float> weights = new LinkedHashMap<>();
    weights.put(Schema.HEADLINE, 2.0f);
    weights.put(Schema.TEXT, 1.0f);
    weights.put(Schema.ENTITY_TEXT, 0.5f);
    return Map.copyOf(weights);
  }

  /** Lucene's classic syntax over the text fields; {@code date:[2025-01 TO 2025-06]} is a date range. */
  private static final class LuceneSyntaxParser extends MultiFieldQueryParser {
    LuceneSyntaxParser(Analyzer analyzer) {
      super(Schema.TEXT_FIELDS.toArray(String[]::new), analyzer, WEIGHTS);
      setDefaultOperator(QueryParser.Operator.AND);
      setAllowLeadingWildcard(false);
      setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    }

    @Override
    protected Query newPrefixQuery(Term prefix) {
      return PREFIXES.of(prefix, getMultiTermRewriteMethod());
    }

    /** A regular expression whose automaton would be huge is refused before Lucene builds it. */
    @Override
    protected Query newRegexpQuery(Term regexp) {
      RegexLimit.check(regexp.text());
      return super.newRegexpQuery(regexp);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      if (!Schema.DATE.equals(field)) {
        return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
      }
      long from = open(part1) ? Long.MIN_VALUE : Schema.dateValue(DateBounds.from(part1)) + (startInclusive ? 0 : 1);
      long to = open(part2) ? Long.MAX_VALUE : Schema.dateValue(DateBounds.to(part2)) - (endInclusive ? 0 : 1);
      return LongField.newRangeQuery(Schema.DATE, from, to);
    }

    private static boolean open(String part) {
      return part == null || part.equals("*");
    }
  }
}
