package newssearch.config;

import java.nio.file.Path;

/** One {@code key value} line of a directive file, with where it came from. */
public record Directive(Path file, int line, String key, String value) {

  /** An error about this line. */
  public ConfigException error(String message) {
    return new ConfigException(file, line, message);
  }

  public int intValue() {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw error("'" + key + "' needs a whole number, not '" + value + "'");
    }
  }

  public double doubleValue() {
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw error("'" + key + "' needs a number, not '" + value + "'");
    }
  }

  public long longValue() {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw error("'" + key + "' needs a whole number, not '" + value + "'");
    }
  }
}
