package newssearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index generation open for live updates: its writer, the near-real-time readers opened from
 * it, the commit data the next commit records, and the sequence number of the last update applied
 * ({@code appliedSeq[0]}, written by {@link LiveIndex} under its lock).
 */
record OpenGeneration(Path generation, FSDirectory directory, IndexWriter writer, ReaderManager readers,
    Map<String, String> commitData, long[] appliedSeq) {
  private static final Logger LOG = LoggerFactory.getLogger(OpenGeneration.class);

  /**
   * Opens {@code generation} for writing and applies the updates of the log in {@code root} that
   * its last commit lacks (those a crash left uncommitted), then commits them.
   */
  static OpenGeneration open(Path generation, Analyzer analyzer, LiveDocuments documents, Path root) throws IOException {
    FSDirectory directory = FSDirectory.open(generation);
    IndexWriter writer = null;
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      writer = new IndexWriter(directory, config);
      Map<String, String> data = new HashMap<>();
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      long applied = Long.parseLong(data.getOrDefault(UpdateLog.APPLIED_SEQ, "0"));
      List<UpdateLog.Entry> missing = UpdateLog.readAfter(root, applied);
      for (UpdateLog.Entry e : missing) {
        documents.replay(writer, e);
        applied = e.seq();
      }
      if (!missing.isEmpty()) {
        LOG.info("applied {} logged updates to {}", missing.size(), generation.getFileName());
        data.put(UpdateLog.APPLIED_SEQ, Long.toString(applied));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      }
      ReaderManager readers = new ReaderManager(writer, true, true);
      return new OpenGeneration(generation, directory, writer, readers, data, new long[] {applied});
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new LiveIndex.BusyException(root);
    } catch (IOException | RuntimeException e) {
      if (writer != null) {
        writer.rollback();
      }
      directory.close();
      throw e;
    }
  }

  /** Closes the readers, then the writer: committing what it holds, or dropping it. */
  void close(boolean commit) throws IOException {
    try {
      readers.close();
      if (commit) {
        writer.close();
      } else {
        writer.rollback();
      }
    } finally {
      directory.close();
    }
  }
}
