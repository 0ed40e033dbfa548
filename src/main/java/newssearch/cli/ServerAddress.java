package newssearch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where the server serving an index folder listens, written to {@code server-url} in that folder
 * when it starts and removed when it stops, so that {@code add} can send articles to it. A file left
 * by a server that was killed names a server that does not answer: {@code add} then writes itself.
 */
final class ServerAddress {
  static final String FILE = "server-url";

  private ServerAddress() {}

  static void write(Path indexRoot, String url) throws IOException {
    Path tmp = indexRoot.resolve(FILE + ".tmp");
    Files.writeString(tmp, url + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, indexRoot.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static Optional<String> read(Path indexRoot) {
    try {
      String url = Files.readString(indexRoot.resolve(FILE), StandardCharsets.UTF_8).strip();
      return url.isEmpty() ? Optional.empty() : Optional.of(url);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Removes the file if it still names {@code url} (another server may have started since). */
  static void remove(Path indexRoot, String url) {
    if (read(indexRoot).filter(url::equals).isPresent()) {
      try {
        Files.deleteIfExists(indexRoot.resolve(FILE));
      } catch (IOException e) {
        // A stale address costs add one refused connection; it then writes to the index itself.
      }
    }
  }
}
