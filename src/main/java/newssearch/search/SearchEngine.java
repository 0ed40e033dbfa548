package newssearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What a search means to the web layer, whichever engine answers it: {@link ArticleSearcher}
 * (the embedded Lucene index, {@code "lucene"}) or {@link newssearch.search.solr.SolrEngine} (a
 * SolrCloud collection, {@code "solr"}). Both take the same requests and give the same results,
 * so the JSON API and the page do not depend on the engine.
 */
public interface SearchEngine extends Closeable {

  /** The engine's name, as {@code /api/health} reports it. */
  default String engine() {
    return "lucene";
  }

  /** Articles searchable now. */
  int documentCount() throws IOException;

  /** The name of the index version answering: cite it to reproduce a result. */
  String indexVersion() throws IOException;

  /** Switches to a newer index version if one was published; true if it did. */
  boolean refresh() throws IOException;

  SearchResult search(SearchRequest request) throws IOException;

  /** Every match of {@code request} in its order, up to {@link SearchRequest#MAX_WINDOW}, without snippets or facets. */
  ArticleSearcher.Export export(SearchRequest request) throws IOException;

  /** Titles and entity names that complete {@code prefix}, entities first. */
  List<Completion> complete(String prefix, int n) throws IOException;

  /** Entity facet values with a word starting with {@code prefix}, of the given types if any. */
  List<EntityValue> entityValues(String prefix, List<String> types, int n) throws IOException;

  /** Articles most like article {@code id}; empty if there is no such article. */
  Optional<List<RelatedArticle>> related(String id, int n) throws IOException;

  Optional<ArticleView> article(String id) throws IOException;

  @Override
  void close();
}
