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
  /** SolrCloud's optimistic concurrency field, which every collection must have. */
  public static final String VERSION = "_version_";

  private SolrFields() {}

  /** The entity facet value of a name of a type. */
  public static String entityPath(String type, String name) {
    return type + "/" + name;
  }
}
