package newssearch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the line-oriented files of {@code index-config/}: one {@code key value} directive a line,
 * the key being the first word. Blank lines and lines starting with {@code #} are ignored, so
 * every rule can carry its reason beside it.
 */
public final class DirectiveFile {
  private DirectiveFile() {}

  public static List<Directive> read(Path file) {
    List<String> lines = lines(file);
    List<Directive> directives = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = indexOfWhitespace(line);
      String key = space < 0 ? line : line.substring(0, space);
      String value = space < 0 ? "" : line.substring(space).strip();
      directives.add(new Directive(file, i + 1, key, value));
    }
    return directives;
  }

  /** The file's lines, or a {@link ConfigException} naming it when it cannot be read. */
  public static List<String> lines(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file, 0, "file not found");
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
    }
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
