package newssearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Elements;

/**
 * HTML pages ({@code .html}, {@code .htm}), one article a page, text extracted with jsoup.
 *
 * <ul>
 *   <li>Text: the paragraphs, list items, subheadings and quotes of the page's {@code <article>},
 *       else its {@code <main>}, else its body; navigation, scripts, forms and asides are left out.
 *   <li>Title: the first {@code <h1>}, else {@code <title>}, else the lead sentence.
 *   <li>Date: {@code article:published_time}, {@code datePublished} (a meta tag, an element's
 *       {@code datetime} or {@code content}, or JSON-LD), else the first {@code <time datetime>}.
 *   <li>Source: {@code og:site_name}; URL: the canonical link, else {@code og:url}.
 * </ul>
 *
 * A {@code NAME.meta.json} beside the page overrides what the page says.
 */
public final class HtmlFormat extends TextDocumentFormat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> BLOCK_TAGS =
      Set.of("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dt", "dd", "td", "th");
  private static final String NOT_TEXT = "script, style, noscript, template, nav, aside, form, button, iframe, svg";

  public HtmlFormat(IngestRules rules) {
    super(rules, "html", "htm");
  }

  @Override
  protected void read(SourceFile file, String raw, Consumer<Article> out, IngestReport report) {
    Document page = Jsoup.parse(raw);
    String where = file.toString();
    Metadata stated = MetadataFile.forText(file.path(), report).forArticle(0);
    Metadata meta = pageMetadata(page, where, report).overriddenBy(stated);
    String text = String.join("\n\n", cleaner.paragraphs(paragraphs(page)));
    if (text.isBlank()) {
      report.skip(SkipReason.NO_TEXT, where, "no text in the page");
      return;
    }
    out.accept(meta.article(text, file.idBase(), stated.title() != null ? "metadata" : "headline", where));
  }

  private static Metadata pageMetadata(Document page, String where, IngestReport report) {
    String title = firstText(page.select("h1"));
    if (title == null) {
      title = page.title().isBlank() ? null : page.title();
    }
    ArticleDate date = Dates.parseOrWarn(publishedDate(page), "metadata", where, report);
    String url = attr(page, "link[rel=canonical]", "href");
    if (url == null) {
      url = attr(page, "meta[property=og:url]", "content");
    }
    return new Metadata(null, title, date, attr(page, "meta[property=og:site_name]", "content"), url, null, null);
  }

  private static String publishedDate(Document page) {
    String date = attr(page, "meta[property=article:published_time], meta[name=article:published_time]", "content");
    if (date == null) {
      date = attr(page, "meta[itemprop=datePublished], meta[name=datePublished]", "content");
    }
    if (date == null) {
      date = attr(page, "[itemprop=datePublished][datetime]", "datetime");
    }
    if (date == null) {
      date = jsonLdDatePublished(page).orElse(null);
    }
    if (date == null) {
      date = attr(page, "time[datetime]", "datetime");
    }
    return date;
  }

  private static Optional<String> jsonLdDatePublished(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      try {
        JsonNode found = JSON.readTree(script.data()).findValue("datePublished");
        if (found != null && found.isTextual() && !found.asText().isBlank()) {
          return Optional.of(found.asText());
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // Broken structured data is common on the web; the other date sources still apply.
      }
    }
    return Optional.empty();
  }

  /** The lines of the page's article text, one block element a line. */
  private static List<String> paragraphs(Document page) {
    Element container = page.selectFirst("article");
    if (container == null) {
      container = page.selectFirst("main");
    }
    if (container == null) {
      container = page.body();
    }
    container = container.clone();
    container.select(NOT_TEXT).remove();
    container.select("h1").remove();
    List<String> lines = new ArrayList<>();
    for (Element block : outermostBlocks(container)) {
      lines.add(block.text());
      lines.add("");
    }
    if (lines.stream().allMatch(String::isBlank)) {
      return container.wholeText().lines().toList();
    }
    return lines;
  }

  /**
   * The block elements of {@code container} that stand in no other block (a paragraph in a quote
   * is read with the quote), in document order. One pass over the tree: asking each block for its
   * ancestors costs the depth of the page per block, which deeply nested pages make quadratic.
   */
  private static List<Element> outermostBlocks(Element container) {
    List<Element> blocks = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node != container && node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
          blocks.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        return FilterResult.CONTINUE;
      }
    }, container);
    return blocks;
  }

  private static String firstText(Elements elements) {
    for (Element e : elements) {
      if (!e.text().isBlank()) {
        return e.text();
      }
    }
    return null;
  }

  private static String attr(Document page, String query, String attribute) {
    for (Element e : page.select(query)) {
      String value = e.attr(attribute).strip();
      if (!value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
