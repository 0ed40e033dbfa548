package newssearch.search.solr;

import newssearch.index.Schema;

/**
 * Fields a Solr collection has beside those of {@link Schema}, whose names it shares. Lucene's
 * hierarchical entity facet ({@code org/Nvidia}) is two plain fields in Solr: the entity's type
 * and its {@code type/name} path, both faceted with JSON facets.
 */
public final class SolrFields {
  /** Each entity's type, once per entity: the types an article names. */
  public static final String ENTITY_TYPE = "entity_type";
  /** Each entity as {@code type/name}: the entity facet, read per type with a prefix. */
  public static final String ENTITY_PATH = "entity_path";
  /**
   * The headline {@link #HEADLINE_COPIES} times and the text, as one field: BM25 over it is BM25F
   * over headline and text with those weights (what Lucene's {@code CombinedFieldQuery} scores a
   * question's words with in the embedded engine), for which Solr has no query of its own.
   */
  public static final String HEADLINE_TEXT = "headline_text";
  /** How many times {@link #HEADLINE_TEXT} holds the headline: search.conf's default question-headline-weight. */
  public static final int HEADLINE_COPIES = 2;
  /** SolrCloud's optimistic concurrency field, which every collection must have. */
  public static final String VERSION = "_version_";

  private SolrFields() {}

  /** The entity facet value of a name of a type. */
  public static String entityPath(String type, String name) {
    return type + "/" + name;
  }
}
