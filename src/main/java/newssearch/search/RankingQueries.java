package newssearch.search;

import java.util.List;
import newssearch.index.Schema;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene queries a {@link QueryPlan} is ranked by: one word over the searched fields, the
 * neighbouring words of a question, and the terms pseudo-relevance feedback adds. What a plan
 * means is decided by {@link QueryPlanner}; this says how each of its words is scored.
 */
public final class RankingQueries {
  private RankingQueries() {}

  /**
   * One word over headline, text and entity names, each field scored by BM25 on its own and the
   * scores added (Solr edismax's qf with tie 1, Elasticsearch's most_fields): a word in a real
   * headline counts once more, with the headline's own length norm. Measured with
   * {@code news-search eval} against one BM25F field over headline and text (Lucene's
   * CombinedFieldQuery, headline weight 2), both without pseudo-relevance feedback: MAP 0.2110
   * against 0.2081 on CISI, 0.3065 against 0.2930 on Cranfield. Entity names add a small bonus,
   * which BM25's idf keeps small for names found everywhere.
   */
  static Query clause(String token, float tie) {
    return clause(token, tie, 0);
  }

  /** A word of a question, its fields scored as {@code ranking} says. */
  static Query clause(String token, MatchingRules.QuestionRanking ranking) {
    return clause(token, (float) ranking.fieldTie(), (float) ranking.headlineWeight());
  }

  /**
   * With {@code tie} below 1 the fields are combined as a disjunction max (Solr's dismax
   * {@code tie}, Elasticsearch's best_fields {@code tie_breaker}): the best field counts whole, the
   * others {@code tie} of theirs, so a name in headline, text and entity names is not counted
   * three times over the other words of a long question. With a {@code headlineWeight} of 1 or
   * more, headline and text are one field to BM25 (BM25F, Lucene's {@code CombinedFieldQuery}),
   * the headline's words counted that many times: a headline is part of the article's text, and
   * one length norm over both keeps a long article's headline from counting as a short document.
   */
  static Query clause(String token, float tie, float headlineWeight) {
    Query entities = new BoostQuery(new TermQuery(new Term(Schema.ENTITY_TEXT, token)),
        QueryBuilder.WEIGHTS.get(Schema.ENTITY_TEXT));
    List<Query> fields = headlineWeight >= 1
        ? List.of(new CombinedFieldQuery.Builder(token).addField(Schema.HEADLINE, headlineWeight).addField(Schema.TEXT, 1)
            .build(), entities)
        : List.of(new TermQuery(new Term(Schema.HEADLINE, token)), new TermQuery(new Term(Schema.TEXT, token)), entities);
    if (tie < 1) {
      return new DisjunctionMaxQuery(fields, tie);
    }
    BooleanQuery.Builder sum = new BooleanQuery.Builder();
    fields.forEach(f -> sum.add(f, BooleanClause.Occur.SHOULD));
    return sum.build();
  }

  /**
   * The sequential dependence of {@code near}'s pairs in the text, as Anserini builds it for BM25:
   * each pair as a phrase with a slop of one, weighted {@code ordered}, and with a slop of eight,
   * weighted {@code unordered}.
   */
  static Query nearQuery(QueryPlan.Near near) {
    BooleanQuery.Builder ordered = new BooleanQuery.Builder();
    BooleanQuery.Builder unordered = new BooleanQuery.Builder();
    for (QueryPlan.Near.Pair p : near.pairs()) {
      ordered.add(new PhraseQuery(QueryPlan.Near.ORDERED_SLOP, Schema.TEXT, p.firstTerm(), p.secondTerm()),
          BooleanClause.Occur.SHOULD);
      unordered.add(new PhraseQuery(QueryPlan.Near.UNORDERED_SLOP, Schema.TEXT, p.firstTerm(), p.secondTerm()),
          BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    if (near.ordered() > 0) {
      q.add(new BoostQuery(ordered.build(), (float) near.ordered()), BooleanClause.Occur.SHOULD);
    }
    if (near.unordered() > 0) {
      q.add(new BoostQuery(unordered.build(), (float) near.unordered()), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  /**
   * The articles {@code matched} finds, scored by the expanded question {@code terms}: each term
   * over the searched fields as the question's words are, weighted.
   */
  public static Query rankedBy(Query matched, QueryPlan.Question question, List<RelevanceFeedback.Term> terms) {
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(matched, BooleanClause.Occur.FILTER);
    for (RelevanceFeedback.Term t : terms) {
      Query clause = question.clauses().get(t.term());
      q.add(new BoostQuery(clause != null ? clause : clause(t.term(), question.ranking()), (float) t.weight()),
          BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }
}
