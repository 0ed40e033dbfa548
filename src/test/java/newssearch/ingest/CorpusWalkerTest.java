package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walking a corpus folder (issue 13, cases 2 and 10): a folder that cannot be read is skipped and
 * reported while the rest of the corpus is read; links out of the corpus are not followed unless
 * asked.
 */
class CorpusWalkerTest {
  @TempDir Path corpus;

  private void writeArticles(String... relativePaths) throws IOException {
    for (String p : relativePaths) {
      Path file = corpus.resolve(p);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "Article " + p + "\n\nThe council met on Tuesday to discuss the harbour budget.");
    }
  }

  private static List<String> ids(List<Article> articles) {
    return articles.stream().map(Article::id).toList();
  }

  @Test
  void anUnreadableFolderIsSkippedAndReportedAndTheRestIsRead() throws IOException {
    writeArticles("a/one.txt", "b/two.txt", "b/deeper/three.txt", "c/four.txt", "five.txt");
    Path unreadable = corpus.resolve("b");
    // Root reads any folder whatever its permissions, so the test makes the listing fail as a
    // chmod 000 folder does for other users.
    CorpusWalker.FolderListing denyB = folder -> {
      if (folder.equals(unreadable)) {
        throw new AccessDeniedException(folder.toString());
      }
      return CorpusWalker.FolderListing.FILE_SYSTEM.list(folder);
    };
    IngestReport report = new IngestReport();

    List<Article> articles = CorpusReader.standard(IngestFixtures.rules()).listingFoldersWith(denyB)
        .read(List.of(corpus), report);

    assertEquals(List.of("a-one", "c-four", "five"), ids(articles));
    assertEquals(List.of(unreadable.toString()), report.unreadableFolders());
    assertTrue(report.messages().stream().anyMatch(m -> m.startsWith(unreadable + ": folder skipped, cannot be read")),
        report.messages().toString());
  }

  @Test
  void aChmod000FolderIsSkippedForUsersOtherThanRoot() throws IOException {
    writeArticles("a/one.txt", "b/two.txt", "c/four.txt");
    Path b = corpus.resolve("b");
    Files.setPosixFilePermissions(b, PosixFilePermissions.fromString("---------"));
    try {
      Assumptions.assumeFalse(Files.isReadable(b), "this user (root) can read a chmod 000 folder; the listing seam test covers it");
      IngestReport report = new IngestReport();
      List<Article> articles = CorpusReader.standard(IngestFixtures.rules()).read(List.of(corpus), report);
      assertEquals(List.of("a-one", "c-four"), ids(articles));
      assertEquals(List.of(b.toString()), report.unreadableFolders());
    } finally {
      Files.setPosixFilePermissions(b, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void linksOutOfTheCorpusAreNotFollowedUnlessAsked(@TempDir Path outside) throws IOException {
    writeArticles("inside.txt", "sub/kept.txt");
    Path secret = Files.writeString(outside.resolve("secret.txt"), "Secret\n\nThe password file of another user.");
    Files.createDirectories(outside.resolve("folder"));
    Files.writeString(outside.resolve("folder/other.txt"), "Other\n\nAn article from a folder outside the corpus.");
    Files.createSymbolicLink(corpus.resolve("passwd.txt"), secret);
    Files.createSymbolicLink(corpus.resolve("linked"), outside.resolve("folder"));
    Files.createSymbolicLink(corpus.resolve("alias.txt"), corpus.resolve("inside.txt"));
    Files.createSymbolicLink(corpus.resolve("dangling.txt"), outside.resolve("gone.txt"));
    IngestReport report = new IngestReport();

    List<Article> articles = CorpusReader.standard(IngestFixtures.rules()).read(List.of(corpus), report);

    assertEquals(List.of("alias", "inside", "sub-kept"), ids(articles), "a link inside the corpus is read");
    assertEquals(3, report.linksNotFollowed());
    assertTrue(report.messages().contains(corpus.resolve("passwd.txt") + ": link not followed, it leads out of the corpus folder, to "
        + secret.toRealPath() + " (--follow-links follows such links)"), report.messages().toString());

    List<Article> followed = CorpusReader.standard(IngestFixtures.rules()).followingLinks(true)
        .read(List.of(corpus), new IngestReport());
    assertEquals(List.of("alias", "inside", "linked-other", "passwd", "sub-kept"), ids(followed));
  }

  @Test
  void aLinkLoopIsReadOnce() throws IOException {
    writeArticles("sub/one.txt");
    Files.createSymbolicLink(corpus.resolve("sub/loop"), corpus.resolve("sub"));
    List<Article> articles = CorpusReader.standard(IngestFixtures.rules()).followingLinks(true)
        .read(List.of(corpus), new IngestReport());
    assertEquals(List.of("sub-one"), ids(articles));
  }
}
