package newssearch.search;

import java.util.LinkedHashMap;
import java.util.Map;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/** Turns the text of {@code q} into a Lucene query over the title, text and entity fields. */
public final class QueryBuilder {
  /** Field weights: a word in the title counts more than one in the text. */
  static final Map<String, Float> WEIGHTS = weights();

  private final Analyzer analyzer;

  /** @param analyzer the query-time analyzer for every field ({@link Schema#analyzer}) */
  public QueryBuilder(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  public Query parse(String text, QuerySyntax syntax) {
    if (text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    Query query = switch (syntax) {
      case SIMPLE -> simple(text);
      case LUCENE -> lucene(text);
    };
    return query == null ? new MatchAllDocsQuery() : query;
  }

  private Query simple(String text) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    Query query = parser.parse(text);
    // A query of stop words alone, or of operators alone, parses to nothing: match nothing
    // rather than everything, as a search engine user expects.
    return query == null ? new BooleanQuery.Builder().build() : query;
  }

  private Query lucene(String text) {
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(Schema.TEXT_FIELDS.toArray(String[]::new), analyzer, WEIGHTS) {
          @Override
          protected Query newRegexpQuery(Term regexp) {
            RegexLimit.check(regexp.text());
            return super.newRegexpQuery(regexp);
          }
        };
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      throw new InvalidRequestException("bad_query", "the query does not parse: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("bad_query", "the query cannot be run: " + firstLine(e.getMessage()));
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidRequestException("query_too_complex", "a wildcard or regular expression in the query is too complex");
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  private static Map<String, Float> weights() {
    Map<String, Float> weights = new LinkedHashMap<>();
    weights.put(Schema.TITLE, 2.0f);
    weights.put(Schema.TEXT, 1.0f);
    weights.put(Schema.ENTITY_TEXT, 0.5f);
    return Map.copyOf(weights);
  }
}
