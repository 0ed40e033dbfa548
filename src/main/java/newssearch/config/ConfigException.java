package newssearch.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used. The message names the file and, where there is one,
 * the line, so that startup can stop with a pointer the user can follow.
 */
public final class ConfigException extends RuntimeException {
  private final Path file;
  private final int line;

  public ConfigException(Path file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem is with the file as a whole. */
  public int line() {
    return line;
  }
}
