package newssearch.web;

/** Builds and publishes a new index generation from the server's corpus; see {@code POST /api/admin/reindex}. */
@FunctionalInterface
public interface Reindexer {

  /** Returns the number of articles indexed. The served index is unchanged when this throws. */
  int reindex() throws Exception;
}
