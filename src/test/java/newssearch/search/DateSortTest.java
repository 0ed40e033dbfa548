package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorting by date uses only the part of a date that is known: a date known to the month sorts as
 * its month (its first day), never by the day stored with it but not shown.
 */
class DateSortTest {
  @TempDir Path dir;

  @Test
  void aMonthPreciseDateSortsAsItsMonth() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    article(corpus, "month", "Harbour report", "{\"date\": \"2025-12-30\", \"date_precision\": \"month\"}");
    article(corpus, "day", "Harbour notice", "{\"date\": \"2025-12-29\", \"date_precision\": \"day\"}");
    article(corpus, "november", "Harbour review", "{\"date\": \"2025-11-30\", \"date_precision\": \"day\"}");
    article(corpus, "undated", "Harbour letter", "{}");
    try (ArticleSearcher searcher = TestCorpus.searcher(dir.resolve("index"), corpus)) {
      assertEquals(List.of("Harbour notice", "Harbour report", "Harbour review", "Harbour letter"),
          titles(searcher, SortOrder.NEWEST));
      assertEquals(List.of("Harbour review", "Harbour report", "Harbour notice", "Harbour letter"),
          titles(searcher, SortOrder.OLDEST));
    }
  }

  private static List<String> titles(ArticleSearcher searcher, SortOrder sort) throws IOException {
    SearchRequest request = new SearchRequest("harbour", QuerySyntax.SIMPLE, List.of(), List.of(), null, null, sort, 1, 10);
    return searcher.search(request).hits().stream().map(SearchResult.Hit::title).toList();
  }

  private static void article(Path corpus, String name, String title, String meta) throws IOException {
    Files.writeString(corpus.resolve(name + ".txt"), title + "\n\nThe harbour was busy again this week.\n");
    Files.writeString(corpus.resolve(name + ".meta.json"), meta);
  }
}
