package newssearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import newssearch.web.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What the page tests do again and again: open a view, wait for it, compare with the API, take screenshots. */
final class PageDriver {
  private final Browser browser;
  private final TestServer server;
  private final String corpus;

  PageDriver(Browser browser, TestServer server, String corpus) {
    this.browser = browser;
    this.server = server;
    this.corpus = corpus;
  }

  void open(String path) {
    browser.driver.get(server.baseUrl() + path);
    settle();
  }

  /** Waits until the page has drawn the answer to its last request. */
  void settle() {
    browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
        "const r = document.getElementById('results');"
            + "return document.readyState === 'complete' && (!r || !r.hasAttribute('aria-busy'));")));
  }

  JsonNode api(String query) throws IOException, InterruptedException {
    String q = query.contains("size=") ? query : (query.isEmpty() ? "size=10" : query + "&size=10");
    return server.getJson("/api/search?" + q);
  }

  List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  List<String> shownIds() {
    return browser.driver.findElements(By.cssSelector("#hits > li.hit")).stream().map(e -> e.getAttribute("data-id")).toList();
  }

  WebElement checkbox(String facet, String value) {
    return browser.driver.findElement(By.cssSelector("#facets input[name='" + facet + "'][value='" + value + "']"));
  }

  void tick(String facet, String value) {
    checkbox(facet, value).click();
    settle();
  }

  double left(String selector) {
    return ((Number) browser.js("return document.querySelector(arguments[0]).getBoundingClientRect().left;", selector)).doubleValue();
  }

  double right(String selector) {
    return ((Number) browser.js("return document.querySelector(arguments[0]).getBoundingClientRect().right;", selector)).doubleValue();
  }

  void scrollTo(String selector) {
    browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'end'});", selector);
  }

  /** Elements inside {@code selector} that Tab reaches. */
  int tabStopsIn(String selector) {
    return ((Number) browser.js("return [...document.querySelectorAll(arguments[0] + ' *')].filter(e => e.tabIndex >= 0"
        + " && !e.disabled && e.offsetParent !== null && !e.closest('[inert]')).length;", selector)).intValue();
  }

  /** How many Tab presses from the top of the page reach the first result's link. */
  int tabStopsBeforeFirstResult() {
    browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    WebElement body = browser.driver.findElement(By.tagName("body"));
    body.sendKeys(Keys.TAB);
    for (int stops = 0; stops < 100; stops++) {
      Boolean inHits = (Boolean) browser.js("return Boolean(document.activeElement.closest('#hits'));");
      if (inHits) {
        return stops;
      }
      browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    return 100;
  }

  void assertFirstHitVisible() {
    Number top = (Number) browser.js("return document.querySelector('#hits > li.hit').getBoundingClientRect().top;");
    Number height = (Number) browser.js("return window.innerHeight;");
    assertTrue(top.doubleValue() >= 0 && top.doubleValue() < height.doubleValue() - 40,
        "the first result is on screen: its top is at " + top + " of " + height);
  }

  void assertNoSidewaysScroll() {
    Object overflow = browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(((Number) overflow).longValue() <= 0, "page is wider than the screen by " + overflow + "px");
  }

  boolean isPhone() {
    return ((Number) browser.js("return window.innerWidth;")).intValue() < 500;
  }

  /** A screenshot of the view as it is, named after the corpus, the state and the screen size. */
  void shot(String state) throws IOException {
    browser.screenshot(corpus + "-" + state + (isPhone() ? "-phone" : "-desktop"));
  }

  /** Screenshots of the current URL at desktop and phone size; ends at desktop size. */
  void shots(String state) throws IOException {
    String url = browser.driver.getCurrentUrl();
    browser.desktop();
    settle();
    browser.screenshot(corpus + "-" + state + "-desktop");
    browser.phone();
    browser.driver.get(url);
    settle();
    browser.screenshot(corpus + "-" + state + "-phone");
    browser.desktop();
    browser.driver.get(url);
    settle();
  }
}
