package newssearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Plans a search-box query of words (with "phrases" and -excluded words if any) as the engines
 * users know do it (Solr's edismax {@code mm}, Elasticsearch's {@code minimum_should_match}):
 * the query requiring every word first, and a relaxed one that requires only enough of them,
 * ranked by BM25, for when too few articles have every word. Question words and words found in
 * most articles are never required; what the user wrote explicitly (phrases, exclusions, OR,
 * AND, +) stays strict. A query too long for the term budget keeps its most informative words
 * (the rarest) rather than being refused.
 */
public final class QueryPlanner {
  private final Analyzer analyzer;
  private final SearchLimits limits;
  private final MatchingRules rules;
  private final QueryBuilder builder;

  public QueryPlanner(Analyzer analyzer, SearchLimits limits, MatchingRules rules, QueryBuilder builder) {
    this.analyzer = analyzer;
    this.limits = limits;
    this.rules = rules;
    this.builder = builder;
  }

  /** One word of the query: its clause over the searched fields and how common it is. */
  private record Word(String text, String raw, String key, Query clause, int docFreq, int terms, boolean optional,
      int count) {
    /** The clause weighted by how often the query has the word. */
    Query weighted() {
      return count == 1 ? clause : new BoostQuery(clause, count);
    }

    /** The word of a question: a word of one term scores its fields as the question's ranking says. */
    Word inQuestion(MatchingRules.QuestionRanking ranking) {
      return key.contains(" ") || ranking.fieldTie() >= 1 && ranking.headlineWeight() == 0 ? this
          : new Word(text, raw, key, RankingQueries.clause(key, ranking), docFreq, terms, optional, count);
    }
  }

  QueryPlan plan(String text, QuerySyntax syntax, IndexReader reader) throws IOException {
    return plan(text, syntax, WordStats.of(reader));
  }

  /** The plan of {@code text}, deciding by the word statistics of the articles searched. */
  public QueryPlan plan(String text, QuerySyntax syntax, WordStats reader) throws IOException {
    if (syntax != QuerySyntax.SIMPLE || text.isBlank()) {
      return QueryPlan.strictOnly(builder.parseBoth(text, syntax), null);
    }
    builder.checkLength(text);
    SimpleSyntax.Parts parts = SimpleSyntax.parts(text);
    if (parts == null) {
      int n = SimpleSyntax.wantedWords(text).size();
      return QueryPlan.strictOnly(builder.parseBoth(text, syntax), new Matching(Matching.ALL, n, n, List.of()));
    }
    SimpleQueryParser parser = builder.simpleParser();
    List<Query> fixed = new ArrayList<>();
    List<Query> excluded = new ArrayList<>();
    for (String phrase : parts.phrases()) {
      addIfAny(fixed, parser.parse("\"" + phrase + "\""));
    }
    for (String word : parts.excluded()) {
      addIfAny(excluded, parser.parse(word));
    }
    List<Word> words = words(parts.words(), parser, reader);
    boolean question = rules.relaxAll(words.size());
    MatchingRules.QuestionRanking ranking = question ? rules.questions() : MatchingRules.QuestionRanking.PLAIN;
    double tie = ranking.fieldTie();
    words = words.stream().map(w -> w.inQuestion(ranking)).toList();
    int budget = limits.maxTerms() - terms(fixed) - terms(excluded);
    List<Word> kept = withinBudget(words, budget);
    QueryPlan.Near near = question ? near(kept, budget, ranking.dependence()) : null;
    List<QueryPlan.Tier> tiers = new ArrayList<>(tiers(text, syntax, fixed, excluded, words, reader,
        parts.phrases(), parts.excluded(), tie, near));
    if (!fixed.isEmpty()) {
      // Last, the phrases' words as loose words, each phrase only a boost: quotes in a long
      // pasted text are quotation marks more often than a search operator.
      List<String> phraseWords = new ArrayList<>(parts.words());
      parts.phrases().forEach(p -> phraseWords.addAll(List.of(p.split("\\s+"))));
      List<Word> looseWords = words(phraseWords, parser, reader).stream().map(w -> w.inQuestion(ranking)).toList();
      List<QueryPlan.Tier> loose = tiers(text, syntax, List.of(), excluded, looseWords, reader, List.of(),
          parts.excluded(), tie, near);
      if (loose.size() > 1) {
        QueryPlan.Tier loosest = loose.get(loose.size() - 1);
        BooleanQuery.Builder boosted = new BooleanQuery.Builder().add(loosest.query(), BooleanClause.Occur.MUST);
        fixed.forEach(q -> boosted.add(q, BooleanClause.Occur.SHOULD));
        List<String> dropped = new ArrayList<>(loosest.matching().dropped());
        parts.phrases().forEach(p -> dropped.add("\"" + p + "\""));
        Matching m = loosest.matching();
        QueryPlan.Words w = loosest.words();
        tiers.add(new QueryPlan.Tier(boosted.build(),
            new Matching(Matching.RELAXED, m.words(), m.required(), List.copyOf(dropped)), true,
            new QueryPlan.Words(w.counted(), w.required(), w.optional(), parts.phrases(), false, w.excluded(), tie,
                w.near())));
      }
    }
    if (!question) {
      return new QueryPlan(tiers);
    }
    Map<String, Map.Entry<String, Integer>> questionWords = new LinkedHashMap<>();
    Map<String, Query> clauses = new LinkedHashMap<>();
    for (Word w : kept) {
      questionWords.put(w.key(), Map.entry(w.raw(), w.count()));
      clauses.put(w.key(), w.clause());
    }
    // An engine that builds its own query scores the words' fields as these clauses do.
    return new QueryPlan(tiers, new QueryPlan.Question(questionWords, clauses, rules.questions(), near))
        .withHeadlineWeight(ranking.headlineWeight());
  }

  /**
   * The question of {@code plan} mixed with the words that best describe {@code docs}, the top
   * articles of its first ranking (RM3, {@link RelevanceFeedback}); empty when the plan is no
   * question or its rules ask for no feedback.
   */
  public List<RelevanceFeedback.Term> feedback(QueryPlan plan, List<RelevanceFeedback.Doc> docs, WordStats stats)
      throws IOException {
    QueryPlan.Question q = plan.question();
    if (q == null || !q.ranking().feedback() || docs.isEmpty()) {
      return List.of();
    }
    return RelevanceFeedback.expand(q.words(), docs, analyzer, stats, q.ranking());
  }

  /** The strict query and the relaxed ones of these words, phrases and exclusions. */
  private List<QueryPlan.Tier> tiers(String text, QuerySyntax syntax, List<Query> fixed, List<Query> excluded,
      List<Word> words, WordStats reader, List<String> phrases, List<String> excludedWords, double tie, QueryPlan.Near near)
      throws IOException {
    int budget = limits.maxTerms() - terms(fixed) - terms(excluded);
    List<Word> kept = withinBudget(words, budget);
    List<String> overBudget = words.stream().filter(w -> !kept.contains(w)).map(Word::text).toList();

    Query strict = null;
    Query marked = null;
    if (overBudget.isEmpty()) {
      try {
        QueryBuilder.Parsed parsed = builder.parseBoth(text, syntax);
        strict = parsed.ranked();
        marked = parsed.marked();
      } catch (InvalidRequestException e) {
        if (!"query_too_complex".equals(e.code())) {
          throw e;
        }
      }
    }
    if (strict == null) {
      // The words alone, without the proximity boosts and the reading as one text, which do not fit.
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      kept.forEach(w -> all.add(w.clause(), BooleanClause.Occur.MUST));
      strict = withFixed(all, fixed, excluded);
      marked = strict;
    }
    List<QueryPlan.Tier> tiers = new ArrayList<>();
    QueryPlan.Words allWords = overBudget.isEmpty() ? null
        : new QueryPlan.Words(raw(kept), kept.size(), List.of(), phrases, true, excludedWords);
    tiers.add(new QueryPlan.Tier(strict, new Matching(Matching.ALL, kept.size(), kept.size(), overBudget), false, allWords,
        marked));
    if (rules.relaxBelow() == 0 || kept.isEmpty()) {
      return tiers;
    }
    int docs = reader.numDocs();
    List<Word> counted = new ArrayList<>();
    List<Word> optional = new ArrayList<>();
    for (Word w : kept) {
      boolean common = (double) w.docFreq() / Math.max(1, docs) > rules.commonRatio();
      (w.optional() || common ? optional : counted).add(w);
    }
    if (counted.isEmpty()) {
      // Every word is common: they all count, or nothing would be asked for.
      counted.addAll(optional);
      optional.clear();
    }
    int required = rules.minimumMatch().required(counted.size());
    if (required == counted.size() && optional.isEmpty()) {
      return tiers;
    }
    List<String> dropped = new ArrayList<>();
    optional.stream().sorted(Comparator.comparingInt(Word::docFreq).reversed()).forEach(w -> dropped.add(w.text()));
    dropped.addAll(overBudget);
    tiers.add(relaxedTier(counted, optional, required, kept.size(), dropped, fixed, excluded, false, phrases, excludedWords,
        tie, near));
    if (required > 1 && required < counted.size()) {
      // None with enough of the words: any of them will do, the articles with more of the rarer
      // words ranked first, rather than nothing.
      tiers.add(relaxedTier(counted, optional, 1, kept.size(), dropped, fixed, excluded, true, phrases, excludedWords,
          tie, near));
    }
    return tiers;
  }

  private static QueryPlan.Tier relaxedTier(List<Word> counted, List<Word> optional, int required, int words,
      List<String> dropped, List<Query> fixed, List<Query> excluded, boolean onlyWhenNothing, List<String> phrases,
      List<String> excludedWords, double tie, QueryPlan.Near near) {
    BooleanQuery.Builder enough = new BooleanQuery.Builder();
    counted.forEach(w -> enough.add(w.weighted(), BooleanClause.Occur.SHOULD));
    enough.setMinimumNumberShouldMatch(required);
    BooleanQuery.Builder relaxed = new BooleanQuery.Builder().add(enough.build(), BooleanClause.Occur.MUST);
    optional.forEach(w -> relaxed.add(w.weighted(), BooleanClause.Occur.SHOULD));
    return new QueryPlan.Tier(withFixed(relaxed, fixed, excluded),
        new Matching(Matching.RELAXED, words, required, List.copyOf(dropped)), onlyWhenNothing,
        new QueryPlan.Words(raw(counted), required, raw(optional), phrases, true, excludedWords, tie, near));
  }

  private static List<String> raw(List<Word> words) {
    return words.stream().map(Word::raw).toList();
  }

  private static Query withFixed(BooleanQuery.Builder query, List<Query> fixed, List<Query> excluded) {
    fixed.forEach(q -> query.add(q, BooleanClause.Occur.MUST));
    excluded.forEach(q -> query.add(q, BooleanClause.Occur.MUST_NOT));
    return query.build();
  }

  /** The distinct words that analyse to something (stop words do not), in query order. */
  private List<Word> words(List<String> raw, SimpleQueryParser parser, WordStats reader) throws IOException {
    Map<String, String> wordOf = new LinkedHashMap<>();
    Map<String, Query> clauseOf = new LinkedHashMap<>();
    Map<String, Integer> countOf = new java.util.HashMap<>();
    List<String> firstTokens = new ArrayList<>();
    for (String w : raw) {
      List<String> tokens = tokens(w);
      if (tokens.isEmpty()) {
        continue;
      }
      String key = String.join(" ", tokens);
      if (wordOf.containsKey(key)) {
        // A word written again counts again, as in BM25 over the query's bag of words.
        countOf.merge(key, 1, Integer::sum);
        continue;
      }
      Query clause = tokens.size() == 1 ? RankingQueries.clause(tokens.get(0), 1) : parser.parse(w);
      if (clause == null) {
        continue;
      }
      wordOf.put(key, w);
      clauseOf.put(key, clause);
      countOf.put(key, 1);
      firstTokens.add(tokens.get(0));
    }
    // All counts at once: an engine elsewhere answers them in one request.
    int[] df = firstTokens.isEmpty() ? new int[0] : reader.docFreqs(Schema.TEXT, firstTokens);
    List<Word> words = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> e : wordOf.entrySet()) {
      String w = e.getValue();
      Query clause = clauseOf.get(e.getKey());
      String lower = w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'’-]", "");
      words.add(new Word(lower.isEmpty() ? w : lower, w, e.getKey(), clause, df[i++], terms(List.of(clause)),
          rules.optionalWords().contains(lower), countOf.getOrDefault(e.getKey(), 1)));
    }
    return List.copyOf(words);
  }

  /**
   * The neighbouring words of a question's {@code words} (in the order written, stop words left
   * out, words of one term only), as many pairs as {@code budget} term lookups allow (each pair
   * costs four); null when there are none or {@code weights} ask for none.
   */
  private static QueryPlan.Near near(List<Word> words, int budget, MatchingRules.Dependence weights) {
    if (!weights.active()) {
      return null;
    }
    budget -= words.stream().mapToInt(Word::terms).sum();
    List<QueryPlan.Near.Pair> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < words.size() && budget >= 4; i++) {
      Word a = words.get(i);
      Word b = words.get(i + 1);
      if (!a.key().contains(" ") && !b.key().contains(" ")) {
        pairs.add(new QueryPlan.Near.Pair(a.raw(), b.raw(), a.key(), b.key()));
        budget -= 4;
      }
    }
    return pairs.isEmpty() ? null
        : new QueryPlan.Near(pairs, weights.ordered() / weights.words(), weights.unordered() / weights.words());
  }

  /** The words that fit the term budget, the most common left out first. */
  private static List<Word> withinBudget(List<Word> words, int budget) {
    int total = words.stream().mapToInt(Word::terms).sum();
    if (total <= budget) {
      return words;
    }
    // Words no article has go first (they cannot match), then the most common ones.
    List<Word> byCommonness = new ArrayList<>(words);
    byCommonness.sort(Comparator.comparing((Word w) -> w.docFreq() > 0).thenComparing(
        Comparator.comparingInt(Word::docFreq).reversed()));
    List<Word> out = new ArrayList<>();
    for (Word w : byCommonness) {
      if (total <= budget) {
        break;
      }
      total -= w.terms();
      out.add(w);
    }
    return words.stream().filter(w -> !out.contains(w)).toList();
  }

  private List<String> tokens(String word) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.TEXT, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens.add(term.toString());
      }
      ts.end();
    }
    return tokens;
  }

  private static void addIfAny(List<Query> into, Query q) {
    if (q != null) {
      into.add(q);
    }
  }

  /** Term lookups of the queries, as the budget counts them. */
  static int terms(List<Query> queries) {
    int n = 0;
    for (Query q : queries) {
      QueryCost cost = QueryCost.of(q);
      n += cost.terms() + cost.expanding();
    }
    return n;
  }
}
