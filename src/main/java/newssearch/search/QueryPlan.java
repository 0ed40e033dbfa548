package newssearch.search;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * What a search may run, in order: first the query as written, with every word required; then,
 * when the matching rules allow it, ever looser queries, each tried only while the previous one
 * found fewer articles than the rules' threshold.
 *
 * @param tiers at least one; the first requires every word
 */
public record QueryPlan(List<Tier> tiers, Question question) {
  public QueryPlan(List<Tier> tiers) {
    this(tiers, null);
  }

  /**
   * A question's words, for ranking its matches again with pseudo-relevance feedback
   * ({@link QueryPlanner#expand}): each analysed term (several, space-separated, for a word that
   * analyses to more) with the word as typed and how many times, and its clause; and its
   * neighbouring words, which rank its matches (null for none).
   */
  public record Question(Map<String, Map.Entry<String, Integer>> words, Map<String, Query> clauses,
      MatchingRules.QuestionRanking ranking, Near near) {
    public Question(Map<String, Map.Entry<String, Integer>> words, Map<String, Query> clauses,
        MatchingRules.QuestionRanking ranking) {
      this(words, clauses, ranking, null);
    }

    public Question {
      words = Map.copyOf(words);
      clauses = Map.copyOf(clauses);
    }
  }

  /**
   * One way to match the query.
   *
   * @param query what runs
   * @param matching how its words match, or null for a blank or Lucene-syntax query
   * @param onlyWhenNothing tried only when the tiers before found nothing at all (quoted
   *     phrases read as words: explicit syntax yields only to "no result")
   * @param words the same tier in words, for an engine that builds its own query (Solr); null
   *     when the tier is the query as written
   * @param marked what a page's snippets mark: {@code query} without the clauses that only rank
   */
  public record Tier(Query query, Matching matching, boolean onlyWhenNothing, Words words, Query marked) {
    public Tier(Query query, Matching matching, boolean onlyWhenNothing, Words words) {
      this(query, matching, onlyWhenNothing, words, query);
    }

    public Tier(Query query, Matching matching, boolean onlyWhenNothing) {
      this(query, matching, onlyWhenNothing, null);
    }
  }

  /**
   * A tier as words of the query as typed: an article has at least {@code required} of the
   * {@code counted} words; {@code optional} words only rank; phrases are required or only rank;
   * excluded words never occur. Each word or phrase is matched as the search box reads it; a
   * question's words score their fields as a disjunction max with {@code fieldTie} (1: added up),
   * headline and text as one field when {@code headlineWeight} is 1 or more.
   */
  public record Words(List<String> counted, int required, List<String> optional, List<String> phrases,
      boolean phrasesRequired, List<String> excluded, double fieldTie, Near near, double headlineWeight) {
    public Words(List<String> counted, int required, List<String> optional, List<String> phrases,
        boolean phrasesRequired, List<String> excluded, double fieldTie, Near near) {
      this(counted, required, optional, phrases, phrasesRequired, excluded, fieldTie, near, 0);
    }

    public Words(List<String> counted, int required, List<String> optional, List<String> phrases,
        boolean phrasesRequired, List<String> excluded) {
      this(counted, required, optional, phrases, phrasesRequired, excluded, 1, null);
    }

    /** The same words scoring headline and text as one field, the headline's words counted {@code weight} times (0: apart). */
    public Words withHeadlineWeight(double weight) {
      return new Words(counted, required, optional, phrases, phrasesRequired, excluded, fieldTie, near, weight);
    }

    public Words {
      counted = List.copyOf(counted);
      optional = List.copyOf(optional);
      phrases = List.copyOf(phrases);
      excluded = List.copyOf(excluded);
    }
  }

  /**
   * A question's neighbouring words, which rank an article higher where they stand close together
   * in its text (the sequential dependence model): each pair within one word of each other in
   * their order weighs {@code ordered}, within eight words in any order {@code unordered}, relative
   * to a word's weight of 1.
   */
  public record Near(List<Pair> pairs, double ordered, double unordered) {
    /** Two neighbouring words of the question: as typed, and as analysed for the text field. */
    public record Pair(String first, String second, String firstTerm, String secondTerm) {}

    /** At most this many words apart, in their order. */
    public static final int ORDERED_SLOP = 1;
    /** At most this many words apart (a phrase's slop: words in the other order count two more). */
    public static final int UNORDERED_SLOP = 8;

    public Near {
      pairs = List.copyOf(pairs);
    }
  }

  public QueryPlan {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a plan has at least one query");
    }
  }

  /**
   * The same plan with a question's headline and text scored {@code weight} as one field (0:
   * apart), for an engine that builds its own query: its tiers' words and its ranking.
   */
  public QueryPlan withHeadlineWeight(double weight) {
    List<Tier> reweighted = tiers.stream().map(t -> t.words() == null ? t
        : new Tier(t.query(), t.matching(), t.onlyWhenNothing(), t.words().withHeadlineWeight(weight), t.marked())).toList();
    if (question == null) {
      return new QueryPlan(reweighted, null);
    }
    MatchingRules.QuestionRanking r = question.ranking();
    return new QueryPlan(reweighted, new Question(question.words(), question.clauses(),
        new MatchingRules.QuestionRanking(r.fieldTie(), r.feedbackDocs(), r.feedbackTerms(), r.feedbackQueryWeight(), weight,
            r.dependence()), question.near()));
  }

  static QueryPlan strictOnly(Query query, Matching matching) {
    return new QueryPlan(List.of(new Tier(query, matching, false)));
  }

  static QueryPlan strictOnly(QueryBuilder.Parsed query, Matching matching) {
    return new QueryPlan(List.of(new Tier(query.ranked(), matching, false, null, query.marked())));
  }

  public Tier strict() {
    return tiers.get(0);
  }
}
