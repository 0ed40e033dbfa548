package newssearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The page's files keep to what a Content-Security-Policy without inline script or style allows,
 * and only one function ever turns a string into HTML (the server's escaped snippets).
 */
class PageMarkupTest {
  private static final Path WEB = TestCorpus.home().resolve("web");
  private static final Pattern HTML_SINKS = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|createContextualFragment");

  @Test
  void htmlHasNoInlineScriptHandlersOrStyles() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> pages = files(".html");
    assertFalse(pages.isEmpty());
    for (Path page : pages) {
      Document doc = Jsoup.parse(page.toFile());
      for (Element script : doc.select("script")) {
        if (!script.hasAttr("src") || !script.data().isBlank()) problems.add(page.getFileName() + ": inline <script>");
      }
      if (!doc.select("style").isEmpty()) problems.add(page.getFileName() + ": <style> element");
      for (Element e : doc.getAllElements()) {
        for (Attribute a : e.attributes()) {
          if (a.getKey().startsWith("on") || a.getKey().equals("style")) {
            problems.add(page.getFileName() + ": " + a.getKey() + "= on <" + e.tagName() + ">");
          }
          if (a.getValue().trim().toLowerCase().startsWith("javascript:")) {
            problems.add(page.getFileName() + ": javascript: URL on <" + e.tagName() + ">");
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noScriptWritesHtml() throws IOException {
    List<String> sinks = new ArrayList<>();
    for (Path js : files(".js")) {
      Matcher m = HTML_SINKS.matcher(Files.readString(js));
      while (m.find()) {
        sinks.add(WEB.relativize(js) + ": " + m.group());
      }
    }
    // Even the server's snippets never reach the HTML parser: setServerHtml builds text nodes and
    // <mark> elements itself.
    assertEquals(List.of(), sinks);
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(WEB)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
