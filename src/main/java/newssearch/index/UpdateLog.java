package newssearch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newssearch.ingest.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of every live update (articles added, replaced or deleted through the server, {@code add}
 * or {@code serve --watch}), kept beside the generations as {@code updates.jsonl}, one JSON object a
 * line with a rising sequence number. An update is written and forced to disk here before it is
 * applied and answered, so an acknowledged update survives a crash: whoever opens a generation for
 * writing replays the entries after the last one that generation's commit records
 * ({@link #APPLIED_SEQ}), and a full rebuild replays the whole log, so posted articles outlive
 * rebuilds from the corpus too.
 *
 * <p>Only the holder of the live write lock appends; anyone may read. A line cut short by a crash
 * was never acknowledged: it is ignored, and cut off before the next append.
 */
public final class UpdateLog implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateLog.class);
  public static final String FILE = "updates.jsonl";
  /** Commit data of a generation: the sequence number of the last log entry it contains. */
  public static final String APPLIED_SEQ = "update_log_seq";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One update: {@code article} is null for a delete of {@code id}. */
  public record Entry(long seq, Instant at, String id, Article article) {
    public boolean isDelete() {
      return article == null;
    }
  }

  /** An update not yet logged. */
  public record Op(String id, Article article) {
    public static Op add(Article a) {
      return new Op(a.id(), a);
    }

    public static Op delete(String id) {
      return new Op(id, null);
    }
  }

  /**
   * A log shorter than this is never compacted: rewriting it would cost more than replaying it.
   * Past it, the log is compacted once it holds twice as many entries as after the last
   * compaction, so each entry is rewritten a bounded number of times on average.
   */
  static final long COMPACT_FROM = 10_000;

  private final Path file;
  private FileChannel channel;
  private long lastSeq;
  /** Entries (lines) in the file, and how many the last compaction kept. */
  private long entries;
  private long keptAtCompaction;

  private UpdateLog(Path file, FileChannel channel, long lastSeq, long entries) {
    this.file = file;
    this.channel = channel;
    this.lastSeq = lastSeq;
    this.entries = entries;
  }

  /** Opens the log of the index in {@code root} for appending; the caller holds the live write lock. */
  static UpdateLog openForAppend(Path root) throws IOException {
    Path file = root.resolve(FILE);
    Read read = readFile(file, Long.MIN_VALUE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    // Cut off a line a crash left half written, so that the next entry starts on a line of its own.
    channel.truncate(read.completeBytes);
    channel.position(read.completeBytes);
    return new UpdateLog(file, channel, read.lastSeq, read.lines);
  }

  /** Entries after {@code afterSeq}, in order. */
  public static List<Entry> readAfter(Path root, long afterSeq) throws IOException {
    return readFile(root.resolve(FILE), afterSeq).entries;
  }

  /** The sequence number of the last entry, 0 when the log is empty. */
  public synchronized long lastSeq() {
    return lastSeq;
  }

  /** Writes {@code ops} at time {@code at} and forces them to disk; returns them numbered. */
  public synchronized List<Entry> append(List<Op> ops, Instant at) throws IOException {
    List<Entry> entries = new ArrayList<>(ops.size());
    StringBuilder lines = new StringBuilder();
    long seq = lastSeq;
    for (Op op : ops) {
      Entry e = new Entry(++seq, at, op.id(), op.article());
      ObjectNode line = JSON.createObjectNode();
      line.put("seq", e.seq());
      line.put("at", at.toString());
      line.put("op", e.isDelete() ? "delete" : "add");
      line.put("id", e.id());
      if (!e.isDelete()) {
        line.set("article", ArticleCodec.toJson(e.article()));
      }
      lines.append(JSON.writeValueAsString(line)).append('\n');
      entries.add(e);
    }
    ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
    lastSeq = seq;
    this.entries += entries.size();
    return entries;
  }

  /** Entries in the log now. */
  public synchronized long size() {
    return entries;
  }

  /** Compacts the log when it has grown enough since the last compaction to be worth rewriting; true if it did. */
  public synchronized boolean compactIfWorthIt() throws IOException {
    if (entries < Math.max(COMPACT_FROM, 2 * keptAtCompaction)) {
      return false;
    }
    compact();
    return true;
  }

  /**
   * Rewrites the log keeping only the last entry of each id, with its sequence number: replaying
   * it after any sequence number has the same effect as replaying the whole log, because a dropped
   * entry is always followed by a later one for the same id. The new file replaces the old one
   * atomically, so a crash meanwhile leaves one or the other whole.
   */
  public synchronized void compact() throws IOException {
    Map<String, Long> last = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode node = parse(line);
        if (node != null) {
          last.merge(node.get("id").asText(), node.get("seq").asLong(), Math::max);
        }
      }
    }
    Path next = file.resolveSibling(FILE + ".compacting");
    long kept = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode node = parse(line);
        if (node != null && last.get(node.get("id").asText()) == node.get("seq").asLong()) {
          out.write(line);
          out.write('\n');
          kept++;
        }
      }
    }
    try (FileChannel written = FileChannel.open(next, StandardOpenOption.WRITE)) {
      written.force(true);
    }
    channel.close();
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    channel = FileChannel.open(file, StandardOpenOption.WRITE);
    channel.position(channel.size());
    LOG.info("update log compacted: {} entries kept of {}", kept, entries);
    entries = kept;
    keptAtCompaction = kept;
  }

  /** A log line as JSON, or null (with a warning) when it cannot be read. */
  private static JsonNode parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line);
      return node.hasNonNull("seq") && node.hasNonNull("id") ? node : null;
    } catch (IOException e) {
      LOG.warn("unreadable update log entry left out of the compacted log ({})", e.toString());
      return null;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  private record Read(List<Entry> entries, long lastSeq, long completeBytes, long lines) {}

  private static Read readFile(Path file, long afterSeq) throws IOException {
    if (!Files.exists(file)) {
      return new Read(List.of(), 0, 0, 0);
    }
    byte[] all = Files.readAllBytes(file);
    List<Entry> entries = new ArrayList<>();
    long last = 0;
    int start = 0;
    int lineNo = 0;
    long lines = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] != '\n') {
        continue;
      }
      lineNo++;
      String line = new String(all, start, i - start, StandardCharsets.UTF_8);
      start = i + 1;
      if (line.isBlank()) {
        continue;
      }
      lines++;
      try {
        JsonNode node = JSON.readTree(line);
        long seq = node.get("seq").asLong();
        last = Math.max(last, seq);
        if (seq > afterSeq) {
          boolean delete = "delete".equals(node.path("op").asText());
          entries.add(new Entry(seq, Instant.parse(node.get("at").asText()), node.get("id").asText(),
              delete ? null : ArticleCodec.fromJson(node.get("article"))));
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("{}:{}: unreadable update log entry skipped ({})", file, lineNo, e.toString());
      }
    }
    // Bytes after the last newline are a line a crash cut short: never acknowledged.
    return new Read(entries, last, start, lines);
  }
}
