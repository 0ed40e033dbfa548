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

/**
 * Enriches articles and writes them into a new generation of an {@link IndexStore}, which is
 * published only when complete. Enrichment and indexing run on all cores.
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

  public IndexBuilder(Analyzer textAnalyzer, Enricher enricher) {
    this.analyzer = Schema.analyzer(textAnalyzer);
    this.enricher = enricher;
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
    Path generation = buildUnpublished(store, articles, progress, about);
    try {
      store.publish(generation);
      return generation;
    } catch (IOException | RuntimeException e) {
      store.discard(generation);
      throw e;
    }
  }

  /**
   * Writes a complete generation without publishing it: a server taking live updates publishes it
   * itself, once it has applied the updates that arrived while this ran ({@link LiveIndex#switchTo}).
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
    Map<String, Long> arrivals = Arrivals.of(store.current());
    Instant builtAt = Instant.now();
    List<UpdateLog.Entry> updates = UpdateLog.readAfter(store.root(), Long.MIN_VALUE);
    try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
      articles.parallelStream().forEach(article -> {
        try {
          Long arrived = arrivals.get(article.id());
          Instant at = arrived == null ? builtAt : Instant.ofEpochMilli(arrived);
          writer.addDocument(Schema.document(enricher.enrich(article), facets, at));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        progress.accept(done.incrementAndGet());
      });
      for (UpdateLog.Entry update : updates) {
        LiveIndex.apply(writer, update, enricher, facets);
      }
      Map<String, String> commitData = new HashMap<>(about);
      commitData.put(BUILT_AT, builtAt.toString());
      commitData.put(ARTICLES, Integer.toString(articles.size()));
      commitData.put(UpdateLog.APPLIED_SEQ, Long.toString(updates.isEmpty() ? 0 : updates.get(updates.size() - 1).seq()));
      commitData.put(SCHEMA_VERSION, Schema.VERSION);
      writer.setLiveCommitData(commitData.entrySet());
      writer.forceMerge(1);
      writer.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
