package newssearch.search;

import java.util.ArrayList;
import java.util.List;
import newssearch.index.Schema;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/** What a request asks besides its words, as Lucene queries: filters as drill-downs, its order, its page. */
final class SearchFilters {
  private static final FacetsConfig FACETS = Schema.facetsConfig();

  private SearchFilters() {}

  /** {@code textQuery} filtered as {@code request} asks: arrival, topics, sources, entities and dates. */
  static DrillDownQuery drillDown(Query textQuery, SearchRequest request) {
    Query base = textQuery;
    if (request.since() != null) {
      // Arrived strictly after the instant: a client passing the time of its last look sees only what is new.
      base = new BooleanQuery.Builder()
          .add(textQuery, BooleanClause.Occur.MUST)
          .add(LongField.newRangeQuery(Schema.INDEXED_AT, request.since().toEpochMilli() + 1, Long.MAX_VALUE),
              BooleanClause.Occur.FILTER)
          .build();
    }
    DrillDownQuery drill = new DrillDownQuery(FACETS, base);
    if (request.allTopics() && request.topics().size() > 1) {
      // Every topic: one drill-down clause that requires them all, so the topic facet still
      // counts sideways (as if no topic were ticked) like any other multi-select facet.
      String field = FACETS.getDimConfig(Schema.TOPIC).indexFieldName;
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      request.topics().forEach(t -> all.add(new TermQuery(DrillDownQuery.term(field, Schema.TOPIC, t)), BooleanClause.Occur.FILTER));
      drill.add(Schema.TOPIC, all.build());
    } else {
      for (String topic : request.topics()) {
        drill.add(Schema.TOPIC, topic);
      }
    }
    for (String source : request.sources()) {
      drill.add(Schema.SOURCE, source);
    }
    Query entities = entityFilter(request);
    if (entities != null) {
      drill.add(Schema.ENTITY, entities);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : Schema.dateValue(request.from());
      long to = request.to() == null ? Long.MAX_VALUE : Schema.dateValue(request.to());
      drill.add(Schema.MONTH, LongField.newRangeQuery(Schema.DATE, from, to));
    }
    return drill;
  }

  /** Any of the named entities, and any entity of the given types; both when both are given. */
  private static Query entityFilter(SearchRequest request) {
    List<Query> terms = new ArrayList<>();
    if (!request.entities().isEmpty()) {
      terms.add(anyOf(request.entities().stream().map(e -> new Term(Schema.ENTITY, e)).toList()));
    }
    if (!request.entityTypes().isEmpty()) {
      String field = FACETS.getDimConfig(Schema.ENTITY).indexFieldName;
      terms.add(anyOf(request.entityTypes().stream().map(t -> DrillDownQuery.term(field, Schema.ENTITY, t)).toList()));
    }
    if (terms.isEmpty()) {
      return null;
    }
    if (terms.size() == 1) {
      return terms.get(0);
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    terms.forEach(q -> all.add(q, BooleanClause.Occur.FILTER));
    return all.build();
  }

  private static Query anyOf(List<Term> terms) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Term t : terms) {
      any.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  static Sort sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, Schema.newestFirst(), Schema.byId());
      case NEWEST -> new Sort(Schema.newestFirst(), Schema.byId());
      case OLDEST -> new Sort(Schema.oldestFirst(), Schema.byId());
      case ARRIVAL -> new Sort(Schema.newestArrivalFirst(), Schema.byId());
    };
  }

  static ScoreDoc[] pageOf(ScoreDoc[] all, SearchRequest request) {
    int from = Math.min(all.length, (request.page() - 1) * request.size());
    int to = Math.min(all.length, from + request.size());
    ScoreDoc[] page = new ScoreDoc[to - from];
    System.arraycopy(all, from, page, 0, page.length);
    return page;
  }
}
