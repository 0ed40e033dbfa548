package newssearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import newssearch.enrich.Enricher;
import newssearch.ingest.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.LoggerFactory;

/**
 * Enriches articles and writes them into a new generation of an {@link IndexStore}, which is
 * published only when complete. Enrichment and indexing run on all cores. The build holds the
 * store's {@link BuildLock} throughout. A document that enrichment or Lucene refuses is left out
 * and reported to the warnings sink with its origin; it never stops the build.
 */
public final class IndexBuilder {
  /** Commit user data: when the index was built, how many articles it holds, by which schema. */
  public static final String BUILT_AT = "built_at";
  public static final String ARTICLES = "articles";
  public static final String SCHEMA_VERSION = "schema_version";
  /** Indexing buffer; larger buffers flush fewer, bigger segments. */
  public static final double RAM_BUFFER_MB = 128;

  private final Analyzer analyzer;
  private final Enricher enricher;
  private final FacetsConfig facets = Schema.facetsConfig();
  private final Refusals refusals;

  /** Told of each article left out of the index: its origin and why. */
  @FunctionalInterface
  public interface Refusals {
    void refused(String origin, String reason);
  }

  public IndexBuilder(Analyzer textAnalyzer, Enricher enricher, Refusals refusals) {
    this.analyzer = Schema.analyzer(textAnalyzer);
    this.enricher = enricher;
    this.refusals = refusals;
  }

  /** A builder that logs the articles it leaves out. */
  public IndexBuilder(Analyzer textAnalyzer, Enricher enricher) {
    this(textAnalyzer, enricher, (origin, reason) -> LoggerFactory.getLogger(IndexBuilder.class)
        .warn("{}: left out of the index, {}", origin, reason));
  }

  /** Builds and publishes; returns the new generation's folder. */
  public Path build(IndexStore store, List<Article> articles, IntConsumer progress) throws IOException {
    return build(store, articles, progress, Map.of());
  }

  /**
   * Builds and publishes, recording {@code about} (for example where the corpus came from) in the
   * index's commit data beside what the builder records itself.
   */
  public Path build(IndexStore store, List<Article> articles, IntConsumer progress, Map<String, String> about)
      throws IOException {
    try (BuildLock lock = store.lock()) {
      Path generation = buildUnpublished(store, articles, progress, about);
      try {
        store.publish(generation);
        return generation;
      } catch (IOException | RuntimeException e) {
        store.discard(generation);
        throw e;
      }
    }
  }

  /**
   * Writes a complete generation without publishing it; the caller holds the store's
   * {@link BuildLock}. A server taking live updates publishes it itself, once it has applied the
   * updates that arrived while this ran ({@link LiveIndex#rebuild}).
   */
  public Path buildUnpublished(IndexStore store, List<Article> articles, IntConsumer progress, Map<String, String> about)
      throws IOException {
    Path generation = store.newGeneration();
    boolean written = false;
    try {
      write(store, generation, articles, progress, about);
      written = true;
      return generation;
    } finally {
      if (!written) {
        store.discard(generation);
      }
    }
  }

  /**
   * Writes the corpus articles, then every update of the store's {@link UpdateLog} in order (posted
   * articles are part of the index whatever the corpus holds), and records the last one applied.
   */
  private void write(IndexStore store, Path dir, List<Article> articles, IntConsumer progress, Map<String, String> about)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(RAM_BUFFER_MB);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger indexed = new AtomicInteger();
    Map<String, Long> arrivals = Arrivals.of(store.current());
    Instant builtAt = Instant.now();
    List<UpdateLog.Entry> updates = UpdateLog.readAfter(store.root(), Long.MIN_VALUE);
    try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
      articles.parallelStream().forEach(article -> {
        Long arrived = arrivals.get(article.id());
        if (add(writer, article, arrived == null ? builtAt : Instant.ofEpochMilli(arrived))) {
          indexed.incrementAndGet();
        }
        progress.accept(done.incrementAndGet());
      });
      for (UpdateLog.Entry update : updates) {
        LiveDocuments.replay(writer, update, enricher, facets);
      }
      Map<String, String> commitData = new HashMap<>(about);
      commitData.put(BUILT_AT, builtAt.toString());
      commitData.put(ARTICLES, Integer.toString(indexed.get()));
      commitData.put(UpdateLog.APPLIED_SEQ, Long.toString(updates.isEmpty() ? 0 : updates.get(updates.size() - 1).seq()));
      commitData.put(SCHEMA_VERSION, Schema.VERSION);
      writer.setLiveCommitData(commitData.entrySet());
      writer.forceMerge(1);
      writer.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Adds one article; false, with the refusal reported, when its document cannot be indexed
   * (Lucene throws IllegalArgumentException for a term or facet path over its limits, and drops
   * just that document). A disk error still stops the build.
   */
  private boolean add(IndexWriter writer, Article article, Instant arrived) {
    try {
      writer.addDocument(Schema.document(enricher.enrich(article), facets, arrived));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      refusals.refused(article.origin().isEmpty() ? article.id() : article.origin(), e.getMessage());
      return false;
    }
  }
}
