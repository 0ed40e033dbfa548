package newssearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The folder an index lives in. Each build writes a new generation folder beside the served one
 * and, only once it is complete, switches the {@code CURRENT} pointer file to it with an atomic
 * rename. A build that fails or is killed leaves the served index as it was; readers follow the
 * pointer. Builds hold the {@link BuildLock}, so that only one runs at a time.
 *
 * <pre>
 * data/index/CURRENT                      "gen-20251230-101500-123"
 * data/index/gen-20251230-101500-123/     a complete Lucene index
 * data/index/build.lock                   held by the running build, with its process id
 * </pre>
 */
public final class IndexStore {
  public static final String POINTER = "CURRENT";
  private static final String PREFIX = "gen-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path root;

  public IndexStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The generation being served, if an index was ever completed here. */
  public Optional<Path> current() {
    Path pointer = root.resolve(POINTER);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      Path generation = root.resolve(name);
      return name.startsWith(PREFIX) && Files.isDirectory(generation) ? Optional.of(generation) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commit data of the served generation ({@link IndexBuilder#SCHEMA_VERSION}, ...); empty if none. */
  public Map<String, String> currentCommitData() throws IOException {
    Optional<Path> generation = current();
    if (generation.isEmpty()) {
      return Map.of();
    }
    try (FSDirectory dir = FSDirectory.open(generation.get())) {
      return Map.copyOf(SegmentInfos.readLatestCommit(dir).getUserData());
    }
  }

  /**
   * Takes the build lock of this folder; fails at once, naming the holder's process id, when
   * another run (in this process or another) holds it.
   */
  public BuildLock lock() throws IOException {
    return BuildLock.acquire(root);
  }

  /** A new, empty generation folder to build into. */
  public Path newGeneration() throws IOException {
    Files.createDirectories(root);
    String base = PREFIX + STAMP.format(Instant.now());
    Path generation = root.resolve(base);
    for (int i = 1; Files.exists(generation); i++) {
      generation = root.resolve(base + "-" + i);
    }
    return Files.createDirectory(generation);
  }

  /**
   * Makes {@code generation} the served index, then removes the generations of earlier runs except
   * the previous one. A generation that a Lucene writer still holds (its {@code write.lock} is
   * taken: a run that does not take the build lock, such as an older news-search, is writing it)
   * is never removed, nor is one started after this one.
   */
  public void publish(Path generation) throws IOException {
    Optional<Path> previous = current();
    Path tmp = root.resolve(POINTER + ".tmp");
    Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    removeGenerationsExcept(generation, previous.orElse(generation));
  }

  /** Removes a generation that was never published, after a failed build. */
  public void discard(Path generation) {
    deleteTree(generation);
  }

  private void removeGenerationsExcept(Path keep, Path alsoKeep) throws IOException {
    // Generation names sort by the time their run started.
    String started = keep.getFileName().toString();
    try (Stream<Path> children = Files.list(root)) {
      List<Path> old = children
          .filter(p -> p.getFileName().toString().startsWith(PREFIX))
          .filter(p -> p.getFileName().toString().compareTo(started) < 0)
          .filter(p -> !p.equals(keep) && !p.equals(alsoKeep))
          .filter(p -> !beingWritten(p))
          .toList();
      old.forEach(IndexStore::deleteTree);
    }
  }

  /** True when a Lucene writer (in this process or another) holds the generation's write lock. */
  private static boolean beingWritten(Path generation) {
    try (FSDirectory dir = FSDirectory.open(generation);
        Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      return false;
    } catch (LockObtainFailedException e) {
      return true;
    } catch (IOException e) {
      return false; // not a readable index folder: the remains of a failed run
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // A generation left behind costs disk space, not correctness: the pointer decides what is served.
    }
  }
}
