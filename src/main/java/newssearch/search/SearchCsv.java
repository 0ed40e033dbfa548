package newssearch.search;

import java.io.IOException;
import java.io.StringWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an {@link ArticleSearcher.Export} as CSV (RFC 4180). Comment lines starting with
 * {@code #} head the file with the query, the time and the index version, so an exported list
 * can be cited and reproduced; spreadsheet users can delete them.
 */
public final class SearchCsv {
  static final String[] COLUMNS = {"rank", "id", "title", "date", "date_precision", "source", "url", "topics", "entities", "score"};

  private SearchCsv() {}

  public static String write(ArticleSearcher.Export export) throws IOException {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setCommentMarker('#')
        .setHeaderComments(
            "news-search export",
            "query: " + export.query(),
            "generated_at: " + export.generatedAt(),
            "index_version: " + export.indexVersion(),
            "total: " + export.total() + (export.partial() ? " (partial: the time budget ran out)" : ""))
        .setHeader(COLUMNS)
        .get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      int rank = 1;
      for (SearchResult.Hit h : export.hits()) {
        csv.printRecord(rank++, h.id(), h.title(), h.date(), h.datePrecision(), h.source(), h.url(),
            String.join("; ", h.topics()),
            String.join("; ", h.entities().stream().map(SearchResult.EntityRef::name).toList()),
            h.score());
      }
    }
    return out.toString();
  }
}
