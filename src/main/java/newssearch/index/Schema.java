package newssearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.enrich.EnrichedArticle;
import newssearch.enrich.Entity;
import newssearch.enrich.TopicTag;
import newssearch.ingest.Article;
import newssearch.ingest.ArticleDate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.util.BytesRef;

/**
 * The one place that says which fields an article has and how each is indexed. Everything that
 * writes or reads the index takes field names from here.
 *
 * <ul>
 *   <li>{@code id}: keyword, stored, with doc values to break ties in sorting.
 *   <li>{@code title}, {@code text}: analysed, stored, offsets in postings for the highlighter;
 *   <li>{@code headline}: the title again, analysed, not stored, but only when it is a real
 *       headline: a title derived from the lead sentence ({@code title_origin}
 *       {@value #DERIVED_TITLE}) is left out, so the lead's words are not counted twice. Plain
 *       queries search this field with the headline's weight; {@code title:} still finds every title.
 *   <li>{@code entity_text}: entity names, analysed, so that a search for a person's name
 *       ranks the articles that name them.
 *   <li>{@code date}: days since 1970-01-01 as a {@link LongField} (range filter, sort);
 *       {@code date_iso}, {@code date_precision}, {@code date_basis} stored for display.
 *   <li>{@code source}, {@code topic}, {@code entity}: keywords for filters and field queries,
 *       and facets of the same names.
 *   <li>Facets: {@code topic} and {@code entity} multi-valued, {@code entity} hierarchical by
 *       type ({@code org/Nvidia}), {@code source}, {@code month} ({@code 2025-12}) and
 *       {@code year}; undated articles count under {@value #UNDATED}.
 *   <li>{@code enrichment}: stored JSON with the topic reasons and entity mentions;
 *       {@code hit_topic} and {@code hit_entity}: what a search hit shows of it, stored plainly.
 *   <li>{@code spell}: title and text as words, unstemmed, not stored: spelling suggestions.
 *   <li>{@code indexed_at}: when the article arrived (epoch milliseconds) as a {@link LongField}
 *       (the {@code since} filter, newest-arrival order), stored for feeds.
 * </ul>
 */
public final class Schema {
  /**
   * The version of this schema, recorded in every index. Raise it whenever a field is added,
   * removed or indexed differently: an index of another version is rebuilt before it is served.
   */
  public static final String VERSION = "6";

  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  /** The title when it is a headline, not derived from the text: what plain queries weight as a title. */
  public static final String HEADLINE = "headline";
  public static final String ENTITY_TEXT = "entity_text";
  public static final String DATE = "date";
  public static final String DATE_ISO = "date_iso";
  /**
   * The date as far as it is known, for sorting: a date known to the month sorts as the month's
   * first day, one known to the year as 1 January, so a day the page does not show never decides
   * an order (see {@link #sortDay}).
   */
  public static final String DATE_SORT = "date_sort";
  public static final String DATE_PRECISION = "date_precision";
  public static final String DATE_BASIS = "date_basis";
  public static final String SOURCE = "source";
  public static final String URL = "url";
  public static final String TOPIC = "topic";
  public static final String ENTITY = "entity";
  public static final String MONTH = "month";
  public static final String YEAR = "year";
  public static final String TITLE_ORIGIN = "title_origin";
  public static final String ORIGIN = "origin";
  public static final String ENRICHMENT = "enrichment";
  /**
   * What a search hit shows of the enrichment, stored so that it is read without parsing
   * {@link #ENRICHMENT}: the topic ids, and the entities as {@code type/name}, most mentioned first.
   */
  public static final String HIT_TOPIC = "hit_topic";
  public static final String HIT_ENTITY = "hit_entity";
  /**
   * Title and text as written (lower-cased, not stemmed): the vocabulary of spelling suggestions,
   * indexed with which articles hold each word only.
   */
  public static final String SPELL = "spell";
  /**
   * The title again as a doc value, for building title completions: reading a stored title
   * decompresses the block of whole articles it sits in, for each segment written or merged.
   */
  public static final String TITLE_VALUE = "title_value";
  /** When the article arrived in the index, in epoch milliseconds: what feeds and {@code since} go by. */
  public static final String INDEXED_AT = "indexed_at";

  /** The {@link #TITLE_ORIGIN} of a title derived from the lead sentence: stored, not searched. */
  public static final String DERIVED_TITLE = "derived";

  /** The facet value of articles without a date. */
  public static final String UNDATED = "undated";

  /** Analysed fields searched by a plain query. */
  public static final List<String> TEXT_FIELDS = List.of(HEADLINE, TEXT, ENTITY_TEXT);

  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
  private static final FieldType WORDS_ONLY = wordsOnly();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Schema() {}

  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(TOPIC, true);
    config.setMultiValued(ENTITY, true);
    config.setHierarchical(ENTITY, true);
    return config;
  }

  /**
   * The analyzer for every field: {@code text} fields use {@code textAnalyzer}, keyword fields
   * are matched whole.
   */
  public static Analyzer analyzer(Analyzer textAnalyzer) {
    Map<String, Analyzer> keywordFields = new LinkedHashMap<>();
    KeywordAnalyzer keyword = new KeywordAnalyzer();
    for (String f : List.of(ID, SOURCE, TOPIC, ENTITY)) {
      keywordFields.put(f, keyword);
    }
    keywordFields.put(SPELL, plainAnalyzer());
    return new PerFieldAnalyzerWrapper(textAnalyzer, keywordFields);
  }

  /** Words as written, lower-cased and folded, not stemmed: for spelling and completion. */
  public static Analyzer plainAnalyzer() {
    try {
      return org.apache.lucene.analysis.custom.CustomAnalyzer.builder()
          .withTokenizer("standard")
          .addTokenFilter("lowercase")
          .addTokenFilter("asciiFolding")
          .build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Ascending ids: the last sort key everywhere, so equal scores and dates have a stable order. */
  public static SortField byId() {
    return new SortField(ID, SortField.Type.STRING);
  }

  /** Newest first by the known date ({@link #DATE_SORT}); undated articles last. */
  public static SortField newestFirst() {
    SortField sort = new SortField(DATE_SORT, SortField.Type.LONG, true);
    sort.setMissingValue(Long.MIN_VALUE);
    return sort;
  }

  /** Oldest first by the known date ({@link #DATE_SORT}); undated articles last. */
  public static SortField oldestFirst() {
    SortField sort = new SortField(DATE_SORT, SortField.Type.LONG, false);
    sort.setMissingValue(Long.MAX_VALUE);
    return sort;
  }

  /**
   * The day a date sorts as: its first day at the precision known. Newest first, articles of
   * December 2025 dated to the day come before those known only as "Dec 2025", which come before
   * any of November; oldest first, the other way round.
   */
  public static LocalDate sortDay(ArticleDate date) {
    return switch (date.precision()) {
      case YEAR -> date.day().withDayOfYear(1);
      case MONTH -> date.day().withDayOfMonth(1);
      default -> date.day();
    };
  }

  /** Newest arrival first: the order of feeds. */
  public static SortField newestArrivalFirst() {
    return LongField.newSortField(INDEXED_AT, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE);
  }

  public static long dateValue(LocalDate day) {
    return day.toEpochDay();
  }

  /** The article's document; {@code indexedAt} is when it arrived (kept across rebuilds by the caller). */
  public static Document document(EnrichedArticle enriched, FacetsConfig facets, java.time.Instant indexedAt) {
    Article a = enriched.article();
    Document doc = new Document();
    doc.add(new LongField(INDEXED_AT, indexedAt.toEpochMilli(), Field.Store.YES));
    doc.add(new StringField(ID, a.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(a.id())));
    doc.add(new Field(TITLE, a.title(), TEXT_WITH_OFFSETS));
    doc.add(new BinaryDocValuesField(TITLE_VALUE, new BytesRef(a.title())));
    if (!DERIVED_TITLE.equals(a.titleOrigin())) {
      // A title made from the lead sentence is not a headline: its words are already in the
      // text, and searching it with a headline's weight would count them twice.
      doc.add(new TextField(HEADLINE, a.title(), Field.Store.NO));
    }
    doc.add(new Field(TEXT, a.text(), TEXT_WITH_OFFSETS));
    doc.add(new Field(SPELL, a.title() + "\n" + a.text(), WORDS_ONLY));
    doc.add(new StoredField(TITLE_ORIGIN, a.titleOrigin()));
    doc.add(new StoredField(ORIGIN, a.origin()));
    doc.add(new StoredField(URL, a.url()));
    if (!a.source().isEmpty()) {
      doc.add(new StringField(SOURCE, a.source(), Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(SOURCE, a.source()));
    }
    addDate(doc, enriched.date());
    for (TopicTag topic : enriched.topics()) {
      doc.add(new StringField(TOPIC, topic.id(), Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(TOPIC, topic.id()));
    }
    for (Entity entity : enriched.entities()) {
      doc.add(new StringField(ENTITY, entity.name(), Field.Store.NO));
      doc.add(new TextField(ENTITY_TEXT, entity.name(), Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(ENTITY, entity.type(), entity.name()));
    }
    doc.add(new StoredField(ENRICHMENT, enrichmentJson(enriched)));
    enriched.topics().forEach(t -> doc.add(new StoredField(HIT_TOPIC, t.id())));
    enriched.entities().stream()
        .sorted(java.util.Comparator.comparingInt((Entity e) -> -e.mentions().size()))
        .forEach(e -> doc.add(new StoredField(HIT_ENTITY, e.type() + "/" + e.name())));
    try {
      return facets.build(doc);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void addDate(Document doc, ArticleDate date) {
    if (date == null) {
      doc.add(new SortedSetDocValuesFacetField(MONTH, UNDATED));
      doc.add(new SortedSetDocValuesFacetField(YEAR, UNDATED));
      return;
    }
    LocalDate day = date.day();
    doc.add(new LongField(DATE, dateValue(day), Field.Store.NO));
    doc.add(new NumericDocValuesField(DATE_SORT, dateValue(sortDay(date))));
    doc.add(new StoredField(DATE_ISO, day.toString()));
    doc.add(new StoredField(DATE_PRECISION, date.precision().label()));
    doc.add(new StoredField(DATE_BASIS, date.basis()));
    doc.add(new SortedSetDocValuesFacetField(MONTH, day.toString().substring(0, 7)));
    doc.add(new SortedSetDocValuesFacetField(YEAR, day.toString().substring(0, 4)));
  }

  private static String enrichmentJson(EnrichedArticle enriched) {
    try {
      return JSON.writeValueAsString(new Enrichment(enriched.topics(), enriched.entities()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the stored {@link #ENRICHMENT} JSON. */
  public static Enrichment enrichment(String json) {
    try {
      return JSON.readValue(json, Enrichment.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored enrichment is not readable", e);
    }
  }

  /** What is stored of an article's enrichment. */
  public record Enrichment(List<TopicTag> topics, List<Entity> entities) {}

  /**
   * Which articles hold a word, and nothing more: spelling suggestions read only how many articles
   * hold each word, so its frequencies and positions (the largest part of a field's postings, and
   * of merging them) are not written.
   */
  private static FieldType wordsOnly() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.setIndexOptions(IndexOptions.DOCS);
    type.freeze();
    return type;
  }

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
