package newssearch.web;

/** Builds and publishes a new index generation from the server's corpus; see {@code POST /api/admin/reindex}. */
@FunctionalInterface
public interface Reindexer {

  /** What the run indexed. The served index is unchanged when this throws. */
  Result reindex() throws Exception;

  /**
   * @param articles the number of articles indexed
   * @param unreadableFolders folders of the corpus that could not be read: the new index lacks
   *     their articles
   */
  record Result(int articles, int unreadableFolders) {}
}
