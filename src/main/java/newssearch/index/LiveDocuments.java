package newssearch.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import newssearch.enrich.Enricher;
import newssearch.ingest.Article;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns live updates into Lucene documents: checks what Lucene would refuse, and enriches posted
 * articles (dates, topics, entities: the costly part of an update) on at most
 * {@link LiveRules#enrichThreads()} threads, so that searches keep cores of their own.
 */
final class LiveDocuments implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveDocuments.class);

  private final Enricher enricher;
  private final FacetsConfig facets = Schema.facetsConfig();
  /** Enriches posted articles: a parallel stream run inside it uses its threads only. */
  private final ForkJoinPool enrichers;

  LiveDocuments(Enricher enricher, int threads) {
    this.enricher = enricher;
    this.enrichers = new ForkJoinPool(threads);
  }

  /** Why {@code a} cannot be indexed, or null when it can. */
  static String refusal(Article a) {
    if (a.id().length() > LiveIndex.MAX_KEYWORD_CHARS) {
      return "id is longer than " + LiveIndex.MAX_KEYWORD_CHARS + " characters";
    }
    if (a.source().length() > LiveIndex.MAX_KEYWORD_CHARS) {
      return "source is longer than " + LiveIndex.MAX_KEYWORD_CHARS + " characters";
    }
    for (String name : a.entities()) {
      if (name.length() > LiveIndex.MAX_KEYWORD_CHARS) {
        return "an entity name is longer than " + LiveIndex.MAX_KEYWORD_CHARS + " characters";
      }
    }
    return null;
  }

  int threads() {
    return enrichers.getParallelism();
  }

  /** The document of each add in {@code ops}, side by side; null for a delete. */
  List<Document> enrich(List<UpdateLog.Op> ops, Instant at) throws IOException {
    try {
      return enrichers.submit(() -> ops.parallelStream()
          .map(op -> op.article() == null ? null : Schema.document(enricher.enrich(op.article()), facets, at))
          .toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while enriching");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Applies one logged update to {@code writer}; one that cannot be indexed is skipped with a warning. */
  static void replay(IndexWriter writer, UpdateLog.Entry e, Enricher enricher, FacetsConfig facets) throws IOException {
    Term id = new Term(Schema.ID, e.id());
    if (e.isDelete()) {
      writer.deleteDocuments(id);
      return;
    }
    try {
      writer.updateDocument(id, Schema.document(enricher.enrich(e.article()), facets, e.at()));
    } catch (IllegalArgumentException ex) {
      LOG.warn("update {} (article '{}') cannot be indexed and is skipped: {}", e.seq(), e.id(), ex.getMessage());
    }
  }

  /** Replays {@code e} with this enricher. */
  void replay(IndexWriter writer, UpdateLog.Entry e) throws IOException {
    replay(writer, e, enricher, facets);
  }

  @Override
  public void close() {
    enrichers.shutdown();
  }
}
