package newssearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.index.Schema;
import newssearch.ingest.Article;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexes the same articles twice: with news-search's own {@link IndexBuilder} (enrichment,
 * facets, offsets, stored enrichment, merge to one segment) and with a bare Lucene
 * {@link IndexWriter} that adds id, title and text with the same analyzer and nothing else. Both
 * add documents from all cores and use the same RAM buffer.
 */
final class IndexingBench {
  /** Seconds and sizes of one corpus indexed both ways. {@code readSeconds} is part of {@code oursSeconds}. */
  record Result(int articles, long textBytes, double readSeconds, double oursSeconds, double bareSeconds,
      double oursCpuSeconds, double bareCpuSeconds, double enrichCpuSeconds) {
    /** Enrichment's share of our indexing, by CPU time: the same articles enriched alone, on all cores. */
    double enrichShare() {
      return enrichCpuSeconds / oursCpuSeconds;
    }

    double oursPerSecond() {
      return articles / oursSeconds;
    }

    double barePerSecond() {
      return articles / bareSeconds;
    }

    double oursMbPerSecond() {
      return textBytes / 1e6 / oursSeconds;
    }

    double bareMbPerSecond() {
      return textBytes / 1e6 / bareSeconds;
    }

    /** Our throughput as a fraction of bare Lucene's. */
    double ratio() {
      return bareSeconds / oursSeconds;
    }

    /** The same by CPU time of the whole JVM, which other programs on a shared machine disturb less. */
    double cpuRatio() {
      return bareCpuSeconds / oursCpuSeconds;
    }
  }

  private final IndexConfig config;

  IndexingBench(IndexConfig config) {
    this.config = config;
  }

  /**
   * Reads the corpus with {@code read} (timed; part of ours, since a user's index run reads too),
   * indexes it into {@code ours}, then the same articles into {@code bare}.
   */
  Result run(Supplier<List<Article>> read, IndexStore ours, Path bare) throws IOException {
    System.gc();
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    List<Article> articles = read.get();
    long readDone = System.nanoTime();
    new IndexBuilder(config.analysis().index(), config.enricher()).build(ours, articles, done -> {});
    long oursDone = System.nanoTime();
    long oursCpu = processCpuNanos() - cpu;
    System.gc();
    long bareCpuStart = processCpuNanos();
    long bareStart = System.nanoTime();
    indexBare(articles, bare);
    long bareDone = System.nanoTime();
    long bareCpu = processCpuNanos() - bareCpuStart;
    System.gc();
    long enrichCpuStart = processCpuNanos();
    articles.parallelStream().forEach(config.enricher()::enrich);
    long enrichCpu = processCpuNanos() - enrichCpuStart;
    return new Result(articles.size(), textBytes(articles), (readDone - start) / 1e9, (oursDone - start) / 1e9,
        (bareDone - bareStart) / 1e9, oursCpu / 1e9, bareCpu / 1e9, enrichCpu / 1e9);
  }

  /** The baseline: what a plain Lucene program would index of an article. */
  void indexBare(List<Article> articles, Path dir) throws IOException {
    IndexWriterConfig writerConfig = new IndexWriterConfig(Schema.analyzer(config.analysis().index()))
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(IndexBuilder.RAM_BUFFER_MB);
    try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, writerConfig)) {
      articles.parallelStream().forEach(a -> {
        Document doc = new Document();
        doc.add(new StringField(Schema.ID, a.id(), Field.Store.YES));
        doc.add(new TextField(Schema.TITLE, a.title(), Field.Store.YES));
        doc.add(new TextField(Schema.TEXT, a.text(), Field.Store.YES));
        try {
          writer.addDocument(doc);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      writer.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** CPU time of this JVM, all threads (indexing, merging, GC). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static long textBytes(List<Article> articles) {
    return articles.parallelStream()
        .mapToLong(a -> a.title().getBytes(StandardCharsets.UTF_8).length + a.text().getBytes(StandardCharsets.UTF_8).length)
        .sum();
  }
}
