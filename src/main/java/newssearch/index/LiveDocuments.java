package newssearch.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 *
 * <p>A batch is enriched in chunks, in order, so that its first documents can be indexed while
 * the later ones are still being enriched: indexing and enriching overlap instead of taking turns.
 */
final class LiveDocuments implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveDocuments.class);
  /**
   * Articles enriched, logged and indexed as one step: small enough that indexing starts soon,
   * large enough that forcing the update log to disk once per chunk costs little.
   */
  static final int CHUNK = 25;

  private final Enricher enricher;
  private final FacetsConfig facets = Schema.facetsConfig();
  /** Enriches posted articles, first come first served. */
  private final ExecutorService enrichers;
  private final int threads;

  LiveDocuments(Enricher enricher, int threads) {
    this.enricher = enricher;
    this.threads = threads;
    this.enrichers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "live-enrich");
      t.setDaemon(true);
      return t;
    });
  }

  /** The documents of one batch as they are enriched: {@link #chunk} waits for one chunk of them. */
  final class Batch {
    private final List<Future<List<Document>>> chunks = new ArrayList<>();

    private Batch(List<UpdateLog.Op> ops, Instant at) {
      for (int from = 0; from < ops.size(); from += CHUNK) {
        List<UpdateLog.Op> chunk = ops.subList(from, Math.min(ops.size(), from + CHUNK));
        chunks.add(enrichers.submit(() -> {
          List<Document> docs = new ArrayList<>(chunk.size());
          for (UpdateLog.Op op : chunk) {
            docs.add(op.article() == null ? null : Schema.document(enricher.enrich(op.article()), facets, at));
          }
          return docs;
        }));
      }
    }

    /** The documents of chunk {@code n} (ops {@code n * CHUNK} on; null for a delete), once enriched. */
    List<Document> chunk(int n) throws IOException {
      try {
        return chunks.get(n).get();
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

    /** Drops what is not enriched yet (the batch failed). */
    void cancel() {
      chunks.forEach(c -> c.cancel(false));
    }
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
    return threads;
  }

  /** Starts enriching the adds of {@code ops}, in order; their documents come from the batch. */
  Batch enrich(List<UpdateLog.Op> ops, Instant at) {
    return new Batch(ops, at);
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
