package newssearch.search.solr;

import java.util.List;
import java.util.stream.Collectors;
import newssearch.index.Schema;
import newssearch.search.QueryPlan;
import newssearch.search.QuerySyntax;
import newssearch.search.RelevanceFeedback;
import newssearch.search.QueryText;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * A {@link SearchRequest} as Solr parameters, matching and ranking as the embedded engine does:
 * the search box grammar through Solr's {@code simple} parser (Lucene's SimpleQueryParser) over
 * title, text and entity names with the same weights, all words required, plus the same optional
 * near-phrase boost; {@code syntax=lucene} through {@code edismax}. Filters are tagged so that each
 * facet is counted as if its own filter were off (multi-select), as Lucene's DrillSideways does.
 */
final class SolrQueries {
  /** Field weights of {@code newssearch.search.QueryBuilder}. */
  static final String QUERY_FIELDS = Schema.TITLE + "^2 " + Schema.TEXT + "^1 " + Schema.ENTITY_TEXT + "^0.5";
  /**
   * Fields of a word of a query plan's tier, as {@code RankingQueries.clause} scores it: the headline
   * (a real one, not a title made from the text) and the text alike, entity names at half. The
   * title at weight 0 adds no score; it lets the title's words be highlighted.
   */
  static final String WORD_FIELDS = Schema.HEADLINE + "^1 " + Schema.TEXT + "^1 " + Schema.ENTITY_TEXT + "^0.5 "
      + Schema.TITLE + "^0";
  /** The same for a question whose headline and text are one field ({@link SolrFields#HEADLINE_TEXT}). */
  static final String COMBINED_WORD_FIELDS = SolrFields.HEADLINE_TEXT + "^1 " + Schema.ENTITY_TEXT + "^0.5 "
      + Schema.TITLE + "^0 " + Schema.TEXT + "^0";
  /** Words this far apart count as near, as in the embedded engine. */
  static final int PROXIMITY_SLOP = 3;

  static final String TAG_TOPIC = "topic";
  static final String TAG_SOURCE = "source";
  static final String TAG_ENTITY = "entity";
  static final String TAG_DATE = "date";

  private SolrQueries() {}

  /** The query and filters of {@code request}: what both a page of hits and an export match. */
  static ModifiableSolrParams matching(SearchRequest request) {
    return matching(request, null);
  }

  /**
   * The query and filters of {@code request}, its words matched as {@code tier} of the query
   * plan says (see {@link #words}); as written when the tier is null or has no words.
   */
  static ModifiableSolrParams matching(SearchRequest request, QueryPlan.Tier tier) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    if (tier == null || tier.words() == null) {
      // Words that all analyse to nothing (stop words) have no reading as one text either.
      boolean anyWord = tier == null || tier.matching() == null || tier.matching().words() > 0;
      query(p, request.query(), request.syntax(), anyWord);
    } else {
      words(p, tier.words());
    }
    filters(p, request);
    p.set("sort", sort(request.sort()));
    return p;
  }

  static void query(ModifiableSolrParams p, String text, QuerySyntax syntax) {
    query(p, text, syntax, true);
  }

  private static void query(ModifiableSolrParams p, String text, QuerySyntax syntax, boolean anyWord) {
    if (text.isBlank()) {
      p.set("q", "*:*");
      return;
    }
    p.set("qq", syntax == QuerySyntax.LUCENE ? text : QueryText.parserSyntax(text));
    p.set("qf", QUERY_FIELDS);
    String main = syntax == QuerySyntax.LUCENE
        ? "{!edismax qf=$qf q.op=AND sow=false v=$qq}"
        : "{!simple qf=$qf q.op=AND v=$qq}";
    if (syntax == QuerySyntax.SIMPLE && anyWord && QueryText.isPlainWords(text)) {
      main = orAsOneText(p, main, text);
    }
    List<String> words = syntax == QuerySyntax.SIMPLE ? QueryText.wantedWords(text) : List.of();
    if (words.size() < 2) {
      p.set("q", main);
      return;
    }
    String phrase = "\"" + words.stream().map(SolrQueries::escapePhrase).collect(Collectors.joining(" ")) + "\"~" + PROXIMITY_SLOP;
    p.set("main", main);
    p.set("near", Schema.TITLE + ":" + phrase + "^2 " + Schema.TEXT + ":" + phrase);
    p.set("q", "{!bool must=$main should=$near}");
    // The near phrase only ranks: the snippets mark the words, as in the embedded engine.
    p.set("hl.q", "{!bool must=$main}");
  }

  /**
   * A tier of the query plan (the embedded engine's {@code QueryPlanner} decides which words
   * count, how many are enough and which only rank) as Solr's {@code bool} parser: each word,
   * phrase and excluded word read by the search box's parser over the same fields as a plain
   * query, at least {@code required} of the counted words ({@code mm}).
   */
  static void words(ModifiableSolrParams p, QueryPlan.Words words) {
    p.set("qf", QUERY_FIELDS);
    double tie = words.fieldTie();
    boolean combined = combined(words.headlineWeight());
    StringBuilder enough = new StringBuilder("{!bool mm=").append(words.required());
    for (int i = 0; i < words.counted().size(); i++) {
      enough.append(" should=$").append(wordClause(p, "wc" + i, words.counted().get(i), tie, combined));
    }
    p.set("enough", enough.append('}').toString());
    StringBuilder q = new StringBuilder("{!bool must=$enough");
    for (int i = 0; i < words.optional().size(); i++) {
      q.append(" should=$").append(wordClause(p, "wo" + i, words.optional().get(i), tie, combined));
    }
    for (int i = 0; i < words.phrases().size(); i++) {
      q.append(words.phrasesRequired() ? " must=$" : " should=$")
          .append(clause(p, "wp" + i, "\"" + escapePhrase(words.phrases().get(i)) + "\""));
    }
    for (int i = 0; i < words.excluded().size(); i++) {
      q.append(" must_not=$").append(clause(p, "wx" + i, words.excluded().get(i)));
    }
    if (words.near() != null) {
      // The words, not their pairs, are highlighted.
      p.set("hl.q", q + "}");
      q.append(" should=$").append(near(p, words.near()));
    }
    p.set("q", q.append('}').toString());
  }

  /**
   * A question's neighbouring words close together in the text, as the embedded engine's
   * {@code RankingQueries.nearQuery} ranks them: each pair as a phrase of the text field with a slop
   * of one and of eight, weighted.
   */
  private static String near(ModifiableSolrParams p, QueryPlan.Near near) {
    StringBuilder all = new StringBuilder("{!bool");
    for (int i = 0; i < near.pairs().size(); i++) {
      QueryPlan.Near.Pair pair = near.pairs().get(i);
      String phrase = "\"" + escapePhrase(pair.first() + " " + pair.second()) + "\"~";
      String[][] windows = {{"o", Integer.toString(QueryPlan.Near.ORDERED_SLOP), weight(near.ordered())},
          {"u", Integer.toString(QueryPlan.Near.UNORDERED_SLOP), weight(near.unordered())}};
      for (String[] w : windows) {
        String name = "wn" + w[0] + i;
        p.set(name, phrase + w[1]);
        p.set(name + "q", "{!lucene df=" + Schema.TEXT + " v=$" + name + "}");
        p.set(name + "b", "{!boost b=" + w[2] + " v=$" + name + "q}");
        all.append(" should=$").append(name).append('b');
      }
    }
    p.set("wnear", all.append('}').toString());
    return "wnear";
  }

  private static String weight(double w) {
    return String.format(java.util.Locale.ROOT, "%.6f", w);
  }

  /**
   * The articles the query of {@code p} matched, ranked by the expanded question {@code terms}
   * instead (pseudo-relevance feedback, as the embedded engine's {@code RankingQueries.rankedBy}):
   * each term's word over the same fields, with its weight. Highlighting stays the question's.
   */
  static void rankedBy(ModifiableSolrParams p, List<RelevanceFeedback.Term> terms, double tie, double headlineWeight) {
    boolean combined = combined(headlineWeight);
    p.set("qf", QUERY_FIELDS);
    p.set("matched", p.get("q"));
    p.set("hl.q", p.get("hl.q") != null ? p.get("hl.q") : p.get("q"));
    StringBuilder q = new StringBuilder("{!bool filter=$matched");
    for (int i = 0; i < terms.size(); i++) {
      RelevanceFeedback.Term t = terms.get(i);
      p.set("fbb" + i, "{!boost b=" + String.format(java.util.Locale.ROOT, "%.6f", t.weight()) + " v=$"
          + wordClause(p, "fb" + i, t.word(), tie, combined) + "}");
      q.append(" should=$fbb").append(i);
    }
    p.set("q", q.append('}').toString());
  }

  /**
   * A word of a tier: as the search box reads it, or for a question (a {@code tie} below 1) by
   * Solr's dismax parser, its fields combined as a disjunction max with that tie, as the
   * embedded engine scores a question's words; with {@code combined}, headline and text as the
   * one field {@link SolrFields#HEADLINE_TEXT} (BM25F, as the embedded engine's
   * {@code CombinedFieldQuery}).
   */
  private static String wordClause(ModifiableSolrParams p, String name, String word, double tie, boolean combined) {
    p.set("wqf", WORD_FIELDS);
    p.set("cqf", COMBINED_WORD_FIELDS);
    p.set(name, word);
    p.set(name + "q", tie >= 1 && !combined ? "{!simple qf=$wqf q.op=AND v=$" + name + "}"
        : "{!dismax qf=$" + (combined ? "cqf" : "wqf") + " mm=100% tie=" + tie + " v=$" + name + "}");
    return name + "q";
  }

  /**
   * Whether a question's headline and text are one field: the collection holds the headline
   * {@link SolrFields#HEADLINE_COPIES} times in {@link SolrFields#HEADLINE_TEXT}, so only that
   * weight can be met; another weight scores the fields apart.
   */
  static boolean combined(double headlineWeight) {
    return headlineWeight == SolrFields.HEADLINE_COPIES;
  }

  /** Sets parameter {@code name} to the search box reading of {@code text}; returns the name of that query. */
  private static String clause(ModifiableSolrParams p, String name, String text) {
    p.set(name, text);
    p.set(name + "q", "{!simple qf=$qf q.op=AND v=$" + name + "}");
    return name + "q";
  }

  /**
   * Words alone are also read as one text per field, every word required in that field, with the
   * field's weight: an article matching either reading is found, as in the embedded engine's
   * {@code QueryBuilder} (multi-word synonyms fire only on the text read as a whole).
   */
  private static String orAsOneText(ModifiableSolrParams p, String wordByWord, String text) {
    p.set("wordbyword", wordByWord);
    p.set("astextq", text.replace("\\", "\\\\").replace("&", "\\&").replace("-", "\\-"));
    StringBuilder asText = new StringBuilder("{!bool");
    String[][] fields = {{Schema.TITLE, "2"}, {Schema.TEXT, "1"}, {Schema.ENTITY_TEXT, "0.5"}};
    for (int i = 0; i < fields.length; i++) {
      p.set("astext" + i, "{!lucene df=" + fields[i][0] + " q.op=AND sow=false v=$astextq}");
      p.set("astextb" + i, "{!boost b=" + fields[i][1] + " v=$astext" + i + "}");
      asText.append(" should=$astextb").append(i);
    }
    p.set("astext", asText.append('}').toString());
    return "{!bool should=$wordbyword should=$astext}";
  }

  private static void filters(ModifiableSolrParams p, SearchRequest request) {
    if (request.allTopics()) {
      request.topics().forEach(t -> anyOf(p, TAG_TOPIC, Schema.TOPIC, List.of(t)));
    } else {
      anyOf(p, TAG_TOPIC, Schema.TOPIC, request.topics());
    }
    anyOf(p, TAG_SOURCE, Schema.SOURCE, request.sources());
    anyOf(p, TAG_ENTITY, Schema.ENTITY, request.entities());
    anyOf(p, TAG_ENTITY, SolrFields.ENTITY_TYPE, request.entityTypes());
    if (request.from() != null || request.to() != null) {
      String from = request.from() == null ? "*" : Long.toString(Schema.dateValue(request.from()));
      String to = request.to() == null ? "*" : Long.toString(Schema.dateValue(request.to()));
      p.add("fq", "{!tag=" + TAG_DATE + "}" + Schema.DATE + ":[" + from + " TO " + to + "]");
    }
    if (request.since() != null) {
      p.add("fq", Schema.INDEXED_AT + ":{" + request.since().toEpochMilli() + " TO *]");
    }
  }

  private static void anyOf(ModifiableSolrParams p, String tag, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    String any = values.stream().map(v -> "\"" + escapePhrase(v) + "\"").collect(Collectors.joining(" OR "));
    p.add("fq", "{!tag=" + tag + "}" + field + ":(" + any + ")");
  }

  /** Every sort ends with the id, so equal scores and dates keep one order and cursors work. */
  static String sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> "score desc, " + Schema.DATE_SORT + " desc, " + Schema.ID + " asc";
      case NEWEST -> Schema.DATE_SORT + " desc, " + Schema.ID + " asc";
      case OLDEST -> Schema.DATE_SORT + " asc, " + Schema.ID + " asc";
      case ARRIVAL -> Schema.INDEXED_AT + " desc, " + Schema.ID + " asc";
    };
  }

  /** Highlighting as {@code newssearch.search.Snippets}: whole titles, up to three passages of about 160 characters. */
  static void highlight(ModifiableSolrParams p) {
    p.set("hl", true);
    p.set("hl.method", "unified");
    p.set("hl.fl", Schema.TITLE + "," + Schema.TEXT);
    p.set("hl.offsetSource", "POSTINGS");
    p.set("hl.tag.pre", "<mark>");
    p.set("hl.tag.post", "</mark>");
    p.set("hl.encoder", "html");
    p.set("hl.weightMatches", true);
    p.set("hl.requireFieldMatch", true);
    p.set("hl.defaultSummary", true);
    p.set("hl.maxAnalyzedChars", 10_000);
    p.set("f." + Schema.TITLE + ".hl.snippets", 1);
    p.set("f." + Schema.TITLE + ".hl.bs.type", "WHOLE");
    p.set("f." + Schema.TEXT + ".hl.snippets", 3);
    p.set("f." + Schema.TEXT + ".hl.bs.type", "SENTENCE");
    p.set("f." + Schema.TEXT + ".hl.bs.language", "en");
    p.set("f." + Schema.TEXT + ".hl.fragsize", 160);
    p.set("f." + Schema.TEXT + ".hl.fragsizeIsMinimum", false);
    p.set("f." + Schema.TEXT + ".hl.fragAlignRatio", "0.5");
  }

  /** Backslashes and quotes escaped for a quoted phrase or value. */
  static String escapePhrase(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
