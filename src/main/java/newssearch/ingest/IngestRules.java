package newssearch.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import newssearch.config.Directive;
import newssearch.config.DirectiveFile;

/**
 * How raw files become articles, from {@code index-config/ingest.conf}: the lines that split a
 * newsletter digest into articles, the boilerplate lines dropped from every article, and the
 * size limit for one file.
 *
 * @param digestSeparators a file with a line matching one of these is a digest; it is split at
 *     each such line and the line itself is dropped
 * @param dropLines lines matching one of these are removed from every article
 * @param maxFileBytes files larger than this are skipped
 */
public record IngestRules(List<Pattern> digestSeparators, List<Pattern> dropLines, long maxFileBytes) {

  public static final String FILE = "ingest.conf";
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

  public IngestRules {
    digestSeparators = List.copyOf(digestSeparators);
    dropLines = List.copyOf(dropLines);
  }

  public static IngestRules load(Path configDir) {
    List<Pattern> separators = new ArrayList<>();
    List<Pattern> drops = new ArrayList<>();
    long maxBytes = DEFAULT_MAX_FILE_BYTES;
    for (Directive d : DirectiveFile.read(configDir.resolve(FILE))) {
      switch (d.key()) {
        case "digest-separator" -> separators.add(pattern(d));
        case "drop-line" -> drops.add(pattern(d));
        case "max-file-bytes" -> maxBytes = d.longValue();
        default -> throw d.error("unknown directive '" + d.key()
            + "' (expected digest-separator, drop-line or max-file-bytes)");
      }
    }
    return new IngestRules(separators, drops, maxBytes);
  }

  public boolean isSeparator(String line) {
    return matchesAny(digestSeparators, line);
  }

  public boolean isDropped(String line) {
    return matchesAny(dropLines, line);
  }

  private static boolean matchesAny(List<Pattern> patterns, String line) {
    for (Pattern p : patterns) {
      if (p.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern pattern(Directive d) {
    if (d.value().isEmpty()) {
      throw d.error("'" + d.key() + "' needs a regular expression");
    }
    try {
      return Pattern.compile(d.value());
    } catch (PatternSyntaxException e) {
      throw d.error("bad regular expression: " + e.getDescription() + " near index " + e.getIndex());
    }
  }
}
