package newssearch.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the files of a corpus folder, recursively, in path order. A folder that cannot be listed
 * is reported and skipped; the rest of the corpus is still read (a {@code Files.walk} gives up on
 * the first one). Symbolic links that lead out of the corpus folder are followed only when
 * asked ({@code --follow-links}); each link left out is reported. Hidden files and
 * folders (a name starting with {@code .}) and metadata files are not corpus files.
 */
public final class CorpusWalker {

  /** Lists one folder; a seam, so that tests can make a folder unreadable even to root. */
  @FunctionalInterface
  public interface FolderListing {
    List<Path> list(Path folder) throws IOException;

    FolderListing FILE_SYSTEM = folder -> {
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
        entries.forEach(children::add);
      }
      return children;
    };
  }

  private final FolderListing listing;
  private final boolean followLinks;

  CorpusWalker(FolderListing listing, boolean followLinks) {
    this.listing = listing;
    this.followLinks = followLinks;
  }

  FolderListing listing() {
    return listing;
  }

  boolean followLinks() {
    return followLinks;
  }

  List<Path> files(Path root, IngestReport report) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      report.unreadableFolder(root.toString(), e.toString());
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    Set<Path> visited = new HashSet<>();
    visited.add(realRoot);
    walk(root, realRoot, visited, files, report);
    files.sort(null);
    return files;
  }

  private void walk(Path folder, Path realRoot, Set<Path> visited, List<Path> files, IngestReport report) {
    List<Path> children;
    try {
      children = listing.list(folder);
    } catch (IOException | RuntimeException e) {
      report.unreadableFolder(folder.toString(), e.toString());
      return;
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".") || MetadataFile.isMetadataFile(child)) {
        continue;
      }
      if (Files.isSymbolicLink(child) && !linkFollowed(child, realRoot, report)) {
        continue;
      }
      if (Files.isDirectory(child)) {
        Path real = realPath(child);
        if (real != null && visited.add(real)) {
          walk(child, realRoot, visited, files, report);
        }
      } else if (Files.isRegularFile(child)) {
        files.add(child);
      }
    }
  }

  /**
   * A link to a file inside the corpus folder is read; a link to a folder inside it is not (that
   * folder is read where it stands). Links that lead out of the corpus folder are followed only
   * when every link is to be followed.
   */
  private boolean linkFollowed(Path link, Path realRoot, IngestReport report) {
    Path target = realPath(link);
    if (target == null) {
      report.linkNotFollowed(link.toString(), "it leads nowhere");
      return false;
    }
    if (followLinks) {
      return true;
    }
    if (!target.startsWith(realRoot)) {
      report.linkNotFollowed(link.toString(), "it leads out of the corpus folder, to " + target
          + " (--follow-links follows such links)");
      return false;
    }
    return !Files.isDirectory(target);
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }
}
