package newssearch.search.solr;

import java.util.List;
import java.util.stream.Collectors;
import newssearch.index.Schema;
import newssearch.search.QuerySyntax;
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
  /** Words this far apart count as near, as in the embedded engine. */
  static final int PROXIMITY_SLOP = 3;

  static final String TAG_TOPIC = "topic";
  static final String TAG_SOURCE = "source";
  static final String TAG_ENTITY = "entity";
  static final String TAG_DATE = "date";

  private SolrQueries() {}

  /** The query and filters of {@code request}: what both a page of hits and an export match. */
  static ModifiableSolrParams matching(SearchRequest request) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    query(p, request.query(), request.syntax());
    filters(p, request);
    p.set("sort", sort(request.sort()));
    return p;
  }

  static void query(ModifiableSolrParams p, String text, QuerySyntax syntax) {
    if (text.isBlank()) {
      p.set("q", "*:*");
      return;
    }
    p.set("qq", syntax == QuerySyntax.LUCENE ? text : QueryText.parserSyntax(text));
    p.set("qf", QUERY_FIELDS);
    String main = syntax == QuerySyntax.LUCENE
        ? "{!edismax qf=$qf q.op=AND sow=false v=$qq}"
        : "{!simple qf=$qf q.op=AND v=$qq}";
    List<String> words = syntax == QuerySyntax.SIMPLE ? QueryText.wantedWords(text) : List.of();
    if (words.size() < 2) {
      p.set("q", main);
      return;
    }
    String phrase = "\"" + words.stream().map(SolrQueries::escapePhrase).collect(Collectors.joining(" ")) + "\"~" + PROXIMITY_SLOP;
    p.set("main", main);
    p.set("near", Schema.TITLE + ":" + phrase + "^2 " + Schema.TEXT + ":" + phrase);
    p.set("q", "{!bool must=$main should=$near}");
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
