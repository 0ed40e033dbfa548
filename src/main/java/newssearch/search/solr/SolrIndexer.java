package newssearch.search.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import newssearch.enrich.Enricher;
import newssearch.ingest.Article;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;

/**
 * A full rebuild into SolrCloud: articles are enriched here on all cores, as for the embedded
 * index, and sent in batches to a new collection; when every article is in and committed, the
 * alias moves to it and the previous collection is deleted. Until then searches see the previous
 * collection, and a failed run leaves it served. Batches are retried by {@link SolrNodes}; ids are
 * the articles' own, so a batch sent twice replaces its documents rather than adding them again.
 */
public final class SolrIndexer {
  /** Documents per update request: large enough to amortise a round trip, small enough to retry cheaply. */
  public static final int BATCH = 500;

  private final SolrNodes nodes;
  private final SolrCollections collections;
  private final Enricher enricher;

  public SolrIndexer(SolrNodes nodes, SolrCollections collections, Enricher enricher) {
    this.nodes = nodes;
    this.collections = collections;
    this.enricher = enricher;
  }

  /**
   * What a rebuild did. {@code notDeleted} says why the replaced collection is still there: the
   * alias had moved, so the rebuild stands, but the old collection takes room until deleted.
   */
  public record Result(String collection, Optional<String> replaced, long documents, Optional<String> notDeleted) {}

  /**
   * Builds a new collection for {@code alias} with {@code layout} (null: the layout of the
   * collection the alias points at) and switches the alias to it.
   */
  public Result rebuild(String alias, SolrCollections.Layout layout, List<Article> articles, IntConsumer progress)
      throws IOException {
    Optional<String> previous = collections.aliasTarget(alias);
    SolrCollections.Layout shape = layout != null ? layout : previous.flatMap(this::layoutOf).orElseThrow(() ->
        new IllegalArgumentException("there is no collection '" + alias + "' yet: create it with"
            + " news-search solr-create --solr URL --collection " + alias + " --shards N --replicas M"));
    String collection = SolrCollections.generationName(alias);
    collections.create(collection, shape);
    boolean switched = false;
    try {
      long documents = send(collection, articles, progress);
      collections.switchAlias(alias, collection);
      switched = true;
      Optional<String> notDeleted = Optional.empty();
      if (previous.isPresent()) {
        try {
          collections.delete(previous.get());
        } catch (IOException e) {
          notDeleted = Optional.of(e.getMessage());
        }
      }
      return new Result(collection, previous, documents, notDeleted);
    } finally {
      if (!switched) {
        collections.delete(collection);
      }
    }
  }

  private Optional<SolrCollections.Layout> layoutOf(String collection) {
    try {
      return collections.layout(collection);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Enriches and sends every article, commits, and returns how many documents the collection holds. */
  public long send(String collection, List<Article> articles, IntConsumer progress) throws IOException {
    AtomicInteger done = new AtomicInteger();
    for (int from = 0; from < articles.size(); from += BATCH) {
      List<Article> slice = articles.subList(from, Math.min(articles.size(), from + BATCH));
      List<SolrInputDocument> docs = new ArrayList<>(slice.parallelStream()
          .map(a -> SolrDocuments.of(enricher.enrich(a))).toList());
      UpdateRequest update = new UpdateRequest();
      update.add(docs);
      nodes.request(update, collection);
      progress.accept(done.addAndGet(slice.size()));
    }
    UpdateRequest commit = new UpdateRequest();
    commit.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    nodes.request(commit, collection);
    QueryRequest count = new QueryRequest(new ModifiableSolrParams().set("q", "*:*").set("rows", 0));
    SolrDocumentList results = (SolrDocumentList) nodes.request(count, collection).get("response");
    return results.getNumFound();
  }
}
