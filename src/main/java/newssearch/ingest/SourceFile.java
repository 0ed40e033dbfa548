package newssearch.ingest;

import java.nio.file.Path;

/**
 * A corpus file to read, with the base of the ids its articles get: the file's path below the
 * corpus root it was found in, as a slug ({@code sport/199.txt} gives {@code sport-199}).
 */
public record SourceFile(Path path, String idBase) {

  public static SourceFile under(Path root, Path file) {
    Path base = root.equals(file) ? file.getFileName() : root.relativize(file);
    String name = base.toString();
    int dot = name.lastIndexOf('.');
    if (dot > 0 && name.lastIndexOf('/') < dot) {
      name = name.substring(0, dot);
    }
    return new SourceFile(file, slug(name));
  }

  static String slug(String s) {
    String slug = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "article" : slug;
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
