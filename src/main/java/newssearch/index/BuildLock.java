package newssearch.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock every index build holds on its index folder, from creating its generation to
 * publishing it: two runs at once (the admin reindex and an {@code index} command, say) would
 * otherwise remove each other's generation. An operating-system file lock on {@value #FILE} in
 * the index folder, so it is released when the process ends, however it ends; the file holds the
 * process id of the holder, for the message the other run gives.
 */
public final class BuildLock implements AutoCloseable {
  public static final String FILE = "build.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private BuildLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock on {@code root}, or fails at once with {@link IndexBusyException} when a run holds it. */
  static BuildLock acquire(Path root) throws IOException {
    Files.createDirectories(root);
    Path file = root.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another run in this process
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new IndexBusyException("another indexing run is using " + root
          + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; try again when it is done");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
    return new BuildLock(channel, lock);
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  /** Another indexing run holds the index folder. */
  public static final class IndexBusyException extends IOException {
    public IndexBusyException(String message) {
      super(message);
    }
  }
}
