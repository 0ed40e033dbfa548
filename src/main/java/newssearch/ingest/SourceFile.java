package newssearch.ingest;

import java.nio.file.Path;

/**
 * A corpus file to read, with the base of the ids its articles get: the file's path below the
 * corpus root it was found in, as a slug ({@code sport/199.txt} gives {@code sport-199}).
 *
 * @param folder the name of the folder the file stands in, when it was found by walking a corpus
 *     folder; null for a file given by itself
 */
public record SourceFile(Path path, String idBase, String folder) {

  public SourceFile(Path path, String idBase) {
    this(path, idBase, null);
  }

  public static SourceFile under(Path root, Path file) {
    Path base = root.equals(file) ? file.getFileName() : root.relativize(file);
    String name = base.toString();
    int dot = name.lastIndexOf('.');
    if (dot > 0 && name.lastIndexOf('/') < dot) {
      name = name.substring(0, dot);
    }
    Path parent = file.toAbsolutePath().normalize().getParent();
    String folder = root.equals(file) || parent == null || parent.getFileName() == null
        ? null : parent.getFileName().toString();
    return new SourceFile(file, slug(name), folder);
  }

  static String slug(String s) {
    String slug = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "article" : slug;
  }

  /** The topic id a folder name gives: {@code World News} gives {@code world-news}. */
  public String folderTopic() {
    return folder == null ? null : slug(folder);
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
