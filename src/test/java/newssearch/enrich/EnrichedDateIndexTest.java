package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import newssearch.search.ArticleSearcher;
import newssearch.search.ArticleView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article without a metadata date is indexed with the date its text states, marked as such. */
class EnrichedDateIndexTest {
  @TempDir
  Path dir;

  @Test
  void theIndexStoresTheDateFoundInTheText() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("dated.txt"),
        "Chip exports rise\n\nLONDON, 3 March 2024 - Chip exports rose, the ministry said on 1 April 2024.\n");
    Files.writeString(corpus.resolve("undated.txt"), "Chip exports fall\n\nChip exports fell last week.\n");
    List<Article> articles = TestCorpus.read(corpus);
    assertEquals(2, articles.size());
    try (ArticleSearcher searcher = TestCorpus.searcher(dir.resolve("index"), corpus)) {
      for (Article article : articles) {
        ArticleView view = searcher.article(article.id()).orElseThrow();
        if (article.title().equals("Chip exports rise")) {
          assertEquals(List.of("2024-03-03", "day", "text"), List.of(view.date(), view.datePrecision(), view.dateBasis()));
        } else {
          assertEquals(null, view.date());
        }
      }
    }
  }
}
