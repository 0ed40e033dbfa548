package newssearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
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
  /** Commit user data: when the index was built and how many articles it holds. */
  public static final String BUILT_AT = "built_at";
  public static final String ARTICLES = "articles";
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
    Path generation = store.newGeneration();
    boolean published = false;
    try {
      write(generation, articles, progress);
      store.publish(generation);
      published = true;
      return generation;
    } finally {
      if (!published) {
        store.discard(generation);
      }
    }
  }

  private void write(Path dir, List<Article> articles, IntConsumer progress) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(RAM_BUFFER_MB);
    AtomicInteger done = new AtomicInteger();
    try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
      articles.parallelStream().forEach(article -> {
        try {
          writer.addDocument(Schema.document(enricher.enrich(article), facets));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        progress.accept(done.incrementAndGet());
      });
      writer.setLiveCommitData(Map.of(
          BUILT_AT, Instant.now().toString(),
          ARTICLES, Integer.toString(articles.size())).entrySet());
      writer.forceMerge(1);
      writer.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
