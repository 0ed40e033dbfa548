package newssearch.search;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes an {@link ArticleSearcher.Export} as CSV (RFC 4180) that spreadsheets and CSV readers
 * open as it is: the header is the first line, nothing precedes it, every field is quoted. What
 * is needed to cite and reproduce the export (query, filters, time, index version) travels in
 * the response headers and the file name, outside the table.
 *
 * <p>Text that a spreadsheet would run as a formula (a cell starting with {@code = + - @}, tab
 * or carriage return) is prefixed with {@code '}, as OWASP advises against CSV injection: a title
 * like {@code =HYPERLINK(...)} shows as text instead of acting.
 */
public final class SearchCsv {
  static final String[] COLUMNS = {"rank", "id", "title", "date", "date_precision", "source", "url", "article_link",
      "snippet", "topics", "topic_ids", "entities", "score"};
  /** Joins the values of a many-valued cell. */
  static final String LIST_SEPARATOR = "; ";

  private SearchCsv() {}

  /**
   * @param articlePage the address of this server's article view up to the id, such as
   *     {@code http://localhost:7070/article.html?id=}
   */
  public static String write(ArticleSearcher.Export export, String articlePage) throws IOException {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setQuoteMode(QuoteMode.ALL)
        .setHeader(COLUMNS)
        .get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      int rank = 1;
      for (SearchResult.Hit h : export.hits()) {
        List<String> labels = h.topics().stream().map(id -> export.topicLabels().getOrDefault(id, id)).toList();
        csv.printRecord(rank++, text(h.id()), text(h.title()), text(h.date()), text(h.datePrecision()),
            text(h.source()), text(h.url()),
            text(articlePage + URLEncoder.encode(h.id(), StandardCharsets.UTF_8).replace("+", "%20")),
            text(String.join(" … ", h.snippets().stream().map(Html::plain).toList())),
            text(String.join(LIST_SEPARATOR, labels)),
            text(String.join(LIST_SEPARATOR, h.topics())),
            text(String.join(LIST_SEPARATOR, h.entities().stream().map(SearchResult.EntityRef::name).toList())),
            h.score());
      }
    }
    return out.toString();
  }

  /** {@code value} as a text cell a spreadsheet shows and never evaluates. */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
      default -> value;
    };
  }
}
