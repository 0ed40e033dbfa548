package newssearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import newssearch.web.TestServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The search page and the article view in real Chromium, against the real server over the seed
 * corpus. What the page shows is compared with what the JSON API answers for the same request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path indexDir;
  private TestServer server;
  private Browser browser;
  /** Console messages that are expected: 404s of endpoints this server does not have. */
  private Predicate<String> expectedConsole = m -> false;
  private boolean hasSuggest;

  @BeforeAll
  void start() throws Exception {
    browser = Browser.start();
    server = TestServer.start(indexDir);
    hasSuggest = server.get("/api/suggest?q=nv").statusCode() != 404;
    List<String> absent = new ArrayList<>();
    if (!hasSuggest) absent.add("/api/suggest");
    if (server.get("/api/search.csv?q=nvidia").statusCode() == 404) absent.add("/api/search.csv");
    String someId = server.getJson("/api/search").get("hits").get(0).get("id").asText();
    if (server.get("/api/articles/" + someId + "/related").statusCode() == 404) absent.add("/related");
    // The page asks for optional endpoints and does without them; Chromium logs their 404s.
    expectedConsole = m -> m.contains("status of 404") && absent.stream().anyMatch(m::contains);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @BeforeEach
  void desktop() {
    browser.desktop();
    browser.consoleErrors(m -> true); // start each test with an empty console
  }

  @AfterEach
  void consoleHasNoErrors() {
    List<String> errors = browser.consoleErrors(expectedConsole);
    assertTrue(errors.isEmpty(), "console errors: " + errors);
  }

  @Test
  void typingAQueryShowsHighlightedSnippets() throws Exception {
    open("/");
    WebElement box = browser.driver.findElement(By.id("q"));
    box.sendKeys("nvidia", Keys.ENTER);
    settle();
    assertTrue(browser.driver.getCurrentUrl().endsWith("/?q=nvidia"), browser.driver.getCurrentUrl());
    List<WebElement> marks = browser.driver.findElements(By.cssSelector("#hits .snippet mark"));
    assertFalse(marks.isEmpty(), "no <mark> in the snippets");
    for (WebElement mark : marks) {
      assertTrue(mark.getText().toLowerCase().startsWith("nvidia"), mark.getText());
    }
    JsonNode api = api("q=nvidia");
    assertEquals(ids(api), shownIds());
    assertTrue(text("summary").contains(api.get("total").asText() + " articles"), text("summary"));
  }

  @Test
  void tickingTwoTopicsFiltersExactlyAsTheApiSays() throws Exception {
    open("/?q=china");
    JsonNode before = api("q=china");
    assertEquals(topicCounts(before), shownTopicCounts());
    List<String> topics = new ArrayList<>();
    before.get("facets").get("topic").forEach(t -> topics.add(t.get("value").asText()));
    String first = topics.get(0);
    String second = topics.get(1);

    browser.js("window.sameDocument = true;");
    tick("topic", first);
    JsonNode one = api("q=china&topic=" + enc(first));
    assertEquals(ids(one), shownIds());
    assertEquals(topicCounts(one), shownTopicCounts());

    tick("topic", second);
    JsonNode two = api("q=china&topic=" + enc(first) + "&topic=" + enc(second));
    assertEquals(ids(two), shownIds());
    assertEquals(topicCounts(two), shownTopicCounts());
    assertTrue(browser.driver.getCurrentUrl().contains("topic=" + enc(first) + "&topic=" + enc(second)));
    assertEquals(2, browser.driver.findElements(By.cssSelector("#filter-chips .filter-chip")).size());
    assertTrue(checkbox("topic", first).isSelected() && checkbox("topic", second).isSelected());
    assertEquals(Boolean.TRUE, browser.js("return window.sameDocument === true;"), "filtering reloaded the page");
  }

  @Test
  void twoTickedTopicsCanBeAskedForTogether() throws Exception {
    open("/?topic=chips&topic=trade");
    WebElement all = browser.driver.findElement(By.id("topic-all"));
    assertTrue(all.isDisplayed() && !all.isSelected());
    assertTrue(browser.driver.findElement(By.id("topic-hint")).getText().contains("OR"));
    all.click();
    settle();
    assertTrue(browser.driver.getCurrentUrl().contains("topic_match=all"), browser.driver.getCurrentUrl());
    assertTrue(browser.driver.findElement(By.id("topic-hint")).getText().contains("AND"));
    JsonNode both = api("topic=chips&topic=trade&topic_match=all");
    assertTrue(both.get("total").asLong() < api("topic=chips&topic=trade").get("total").asLong());
    assertEquals(ids(both), shownIds());
    assertTrue(browser.driver.findElement(By.id("topic-all")).isSelected());
  }

  @Test
  void removingAFilterChipAndClearAllUndoFilters() throws Exception {
    open("/?q=china&topic=chips&topic=trade");
    browser.driver.findElement(By.cssSelector("#filter-chips .filter-chip")).click();
    settle();
    assertEquals(ids(api("q=china&topic=trade")), shownIds());
    browser.driver.findElement(By.id("clear-all")).click();
    settle();
    assertTrue(browser.driver.getCurrentUrl().endsWith("/?q=china"), browser.driver.getCurrentUrl());
    assertEquals(ids(api("q=china")), shownIds());
    assertTrue(browser.driver.findElement(By.id("active-filters")).getAttribute("hidden") != null);
  }

  @Test
  void openingAnArticleAndGoingBackRestoresTheResults() throws Exception {
    open("/?q=nvidia&topic=chips");
    String results = browser.driver.getCurrentUrl();
    List<String> shown = shownIds();
    WebElement title = browser.driver.findElement(By.cssSelector("#hits .hit h3 a"));
    title.click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("/article.html?id=" + enc(shown.get(0))));
    WebElement article = browser.waiting().until(d -> d.findElement(By.id("article")).isDisplayed() ? d.findElement(By.id("article")) : null);
    JsonNode expected = server.getJson("/api/articles/" + enc(shown.get(0)));
    assertEquals(expected.get("title").asText(), browser.driver.findElement(By.id("title")).getText());
    assertTrue(article.findElements(By.cssSelector("#text mark")).stream().allMatch(m -> m.getText().toLowerCase().startsWith("nvidia")));
    assertFalse(article.findElements(By.cssSelector("#text mark")).isEmpty(), "the query term is not highlighted");
    List<WebElement> entityLinks = article.findElements(By.cssSelector("#text a.entity"));
    assertFalse(entityLinks.isEmpty(), "entity mentions are not linked");
    assertTrue(entityLinks.get(0).getAttribute("href").contains("/?entity="));
    assertEquals(expected.get("topics").size(), browser.driver.findElements(By.cssSelector("#topics > li")).size());
    assertTrue(browser.driver.findElement(By.cssSelector("#topics .why")).getText().startsWith("Tagged because"));
    browser.screenshot("article-desktop");

    browser.driver.findElement(By.id("back")).click();
    browser.waiting().until(d -> d.getCurrentUrl().equals(results));
    settle();
    assertEquals(shown, shownIds());
    assertTrue(checkbox("topic", "chips").isSelected());
  }

  @Test
  void theArticleViewListsTheRelatedEndpointsArticlesOrHidesTheSection() throws Exception {
    String id = api("q=nvidia").get("hits").get(0).get("id").asText();
    var response = server.get("/api/articles/" + enc(id) + "/related");
    open("/article.html?id=" + enc(id));
    browser.waiting().until(d -> d.findElement(By.id("article")).isDisplayed());
    if (response.statusCode() == 404) {
      assertFalse(browser.driver.findElement(By.id("related-section")).isDisplayed());
      return;
    }
    List<String> expected = new ArrayList<>();
    TestServer.json(response).get("related").forEach(r -> expected.add(r.get("title").asText()));
    browser.waiting().until(d -> d.findElements(By.cssSelector("#related > li")).size() == expected.size());
    assertEquals(expected, browser.driver.findElements(By.cssSelector("#related > li > a")).stream().map(WebElement::getText).toList());
  }

  @Test
  void anUnknownArticleSaysSo() throws Exception {
    open("/article.html?id=no-such-article");
    String shown = browser.waiting().until(d -> d.findElement(By.id("error")).isDisplayed() ? d.findElement(By.id("error")).getText() : null);
    assertTrue(shown.contains("There is no article with the id “no-such-article”"), shown);
    browser.consoleErrors(m -> m.contains("no-such-article") && m.contains("status of 404"));
  }

  @Test
  void aSharedLinkReproducesTheView() throws Exception {
    String query = "q=china&topic=trade&sort=-date&from=2025-12&to=2025-12";
    open("/?" + query);
    assertEquals("china", browser.driver.findElement(By.id("q")).getAttribute("value"));
    assertEquals("-date", browser.driver.findElement(By.id("sort")).getAttribute("value"));
    assertTrue(checkbox("topic", "trade").isSelected());
    JsonNode api = api(query);
    assertEquals(ids(api), shownIds());
    assertEquals(topicCounts(api), shownTopicCounts());
    List<String> chips = browser.driver.findElements(By.cssSelector("#filter-chips .filter-chip")).stream().map(WebElement::getText).toList();
    assertEquals(2, chips.size(), chips.toString());
    assertTrue(chips.stream().anyMatch(c -> c.startsWith("Date: Dec 2025")), chips.toString());

    // Back and forward go through the same views.
    tick("topic", "trade");
    assertEquals(ids(api("q=china&sort=-date&from=2025-12&to=2025-12")), shownIds());
    browser.driver.navigate().back();
    settle();
    assertEquals(ids(api), shownIds());
    browser.driver.navigate().forward();
    settle();
    assertFalse(checkbox("topic", "trade").isSelected());
  }

  @Test
  void sortAndPagination() throws Exception {
    open("/?size=5");
    JsonNode page1 = api("size=5");
    assertEquals(ids(page1), shownIds());
    browser.driver.findElement(By.cssSelector("#pager a[aria-label='Next page']")).click();
    settle();
    assertTrue(browser.driver.getCurrentUrl().contains("page=2"));
    assertEquals(ids(api("size=5&page=2")), shownIds());
    assertTrue(text("summary").startsWith("6–10 of " + page1.get("total").asText()), text("summary"));

    new Select(browser.driver.findElement(By.id("sort"))).selectByValue("-date");
    settle();
    assertTrue(browser.driver.getCurrentUrl().contains("sort=-date"));
    assertFalse(browser.driver.getCurrentUrl().contains("page="), "a new sort starts at page 1");
    assertEquals(ids(api("size=5&sort=-date")), shownIds());
  }

  @Test
  void theDateHistogramFiltersByClickAndByDrag() throws Exception {
    open("/");
    List<WebElement> bars = browser.driver.findElements(By.cssSelector("#facet-date .bar"));
    assertTrue(bars.size() >= 2, "histogram bars: " + bars.size());
    WebElement last = bars.get(bars.size() - 1);
    String lastMonth = last.getAttribute("data-from");
    last.click();
    settle();
    assertTrue(browser.driver.getCurrentUrl().contains("from=" + lastMonth + "&to=" + lastMonth), browser.driver.getCurrentUrl());
    assertEquals(ids(api("from=" + lastMonth + "&to=" + lastMonth)), shownIds());

    bars = browser.driver.findElements(By.cssSelector("#facet-date .bar"));
    String firstMonth = bars.get(0).getAttribute("data-from");
    String secondMonth = bars.get(1).getAttribute("data-to");
    new Actions(browser.driver).clickAndHold(bars.get(0)).moveToElement(bars.get(1)).release().perform();
    settle();
    assertTrue(browser.driver.getCurrentUrl().contains("from=" + firstMonth + "&to=" + secondMonth), browser.driver.getCurrentUrl());
    assertEquals(ids(api("from=" + firstMonth + "&to=" + secondMonth)), shownIds());
  }

  @Test
  void monthPreciseDatesShowTheirMonthEvenInRelatedArticles() throws Exception {
    // The digest's items are dated to the month; the day stored with them is never shown.
    String id = "digital-watch-china-digest-2025-12-01";
    JsonNode related = server.getJson("/api/articles/" + id + "/related");
    open("/article.html?id=" + id);
    browser.waiting().until(d -> d.findElement(By.id("article")).isDisplayed());
    assertEquals("Dec 2025", browser.driver.findElement(By.cssSelector("#meta time")).getText());
    if (related.get("related").size() > 0) {
      browser.waiting().until(d -> d.findElement(By.id("related-section")).isDisplayed());
      List<WebElement> metas = browser.driver.findElements(By.cssSelector("#related .meta"));
      for (int i = 0; i < metas.size(); i++) {
        JsonNode r = related.get("related").get(i);
        boolean month = "month".equals(r.path("date_precision").asText());
        String shown = metas.get(i).getText();
        assertEquals(month, !shown.matches(".*\\b\\d{1,2} [A-Z][a-z]{2} \\d{4}.*"), r.get("id").asText() + " shown as " + shown);
      }
    }
    browser.screenshot("seed-article-month-dates-desktop");
    phoneShot("seed-article-month-dates-phone");
  }

  @Test
  void eachEntityIsLinkedOnlyAtItsFirstMention() throws Exception {
    String id = api("q=china").get("hits").get(0).get("id").asText();
    open("/article.html?id=" + enc(id));
    browser.waiting().until(d -> d.findElement(By.id("article")).isDisplayed());
    List<String> linked = browser.driver.findElements(By.cssSelector("#text a.entity")).stream()
        .map(a -> a.getAttribute("href")).toList();
    assertFalse(linked.isEmpty());
    assertEquals(linked.size(), new java.util.HashSet<>(linked).size(), "one link per entity: " + linked);
  }

  @Test
  void fieldSearchInTheSimpleSyntaxGetsSpecificAdviceAndASwitch() throws Exception {
    open("/?q=" + enc("title:nvidia"));
    WebElement advice = browser.driver.findElement(By.id("field-advice"));
    assertTrue(advice.getText().contains("title:") && advice.getText().contains("Field search"), advice.getText());
    browser.screenshot("seed-field-advice-desktop");
    phoneShot("seed-field-advice-phone");
    browser.driver.findElement(By.id("field-advice-link")).click();
    settle();
    assertTrue(browser.driver.getCurrentUrl().contains("syntax=lucene"), browser.driver.getCurrentUrl());
    assertTrue(browser.driver.findElement(By.id("syntax-lucene")).isSelected());
    assertTrue(browser.driver.findElements(By.id("field-advice")).isEmpty());
    JsonNode lucene = api("syntax=lucene&q=" + enc("title:nvidia"));
    assertTrue(lucene.get("total").asLong() > 0);
    assertEquals(ids(lucene), shownIds());
    // The switch turns it off again; the help says what the syntax is.
    browser.driver.findElement(By.id("syntax-lucene")).click();
    settle();
    assertFalse(browser.driver.getCurrentUrl().contains("syntax="));
    browser.driver.findElement(By.cssSelector("#syntax-help summary")).click();
    assertTrue(browser.driver.findElement(By.cssSelector("#syntax-help .syntax-help-body")).getText().contains("title:nvidia"));
    browser.screenshot("seed-syntax-help-desktop");
  }

  @Test
  void whenTheServerIsDownStaleFiltersAreDisabledAndRetryWorks() throws Exception {
    open("/?q=nvidia");
    browser.js("window.realFetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
    expectedConsole = expectedConsole.or(m -> m.contains("Failed to fetch"));
    browser.driver.findElement(By.id("export-json")).click();
    browser.waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
    String exportError = text("error");
    assertTrue(exportError.contains("export could not be made") && exportError.contains("could not be reached"), exportError);
    assertFalse(exportError.contains("Failed to fetch"), exportError);
    browser.driver.findElement(By.id("q")).clear();
    browser.driver.findElement(By.id("q")).sendKeys("quantum", Keys.ENTER);
    settle();
    assertTrue(text("error").contains("could not be reached"), text("error"));
    assertEquals("true", browser.js("return String(document.getElementById('facets').inert);"));
    assertEquals(0, ((Number) browser.js("return [...document.querySelectorAll('#facets input')].filter(e => !e.closest('[inert]')).length;")).intValue());
    browser.screenshot("seed-server-down-desktop");
    browser.js("window.fetch = window.realFetch;");
    browser.driver.findElement(By.id("retry")).click();
    settle();
    assertFalse(browser.driver.findElement(By.id("error")).isDisplayed());
    assertEquals(ids(api("q=quantum")), shownIds());
    assertEquals("false", browser.js("return String(document.getElementById('facets').inert);"));
  }

  @Test
  void aPagePastTheEndOffersTheWayBack() throws Exception {
    open("/?q=china&page=50");
    WebElement back = browser.driver.findElement(By.id("last-page"));
    assertTrue(text("empty").contains("past the end"), text("empty"));
    browser.screenshot("seed-page-past-end-desktop");
    phoneShot("seed-page-past-end-phone");
    back = browser.driver.findElement(By.id("last-page"));
    back.click();
    settle();
    long total = api("q=china").get("total").asLong();
    long last = (total + 9) / 10;
    assertTrue(browser.driver.getCurrentUrl().contains("page=" + last), browser.driver.getCurrentUrl());
    assertEquals(ids(api("q=china&page=" + last)), shownIds());
  }

  @Test
  void pickingAnEntityKeepsTheOtherWordsTyped() throws Exception {
    open("/?q=chips");
    browser.js("const real = window.fetch;"
        + "window.fetch = (url, opts) => String(url).startsWith('/api/suggest?') ? Promise.resolve(new Response("
        + "JSON.stringify({query: 'nvidia hua', suggestions: [{text: 'Jensen Huang', kind: 'entity', type: 'person'}]}),"
        + " {headers: {'Content-Type': 'application/json'}})) : real(url, opts);");
    WebElement box = browser.driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys("nvidia hua");
    browser.waiting().until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    settle();
    assertTrue(browser.driver.getCurrentUrl().endsWith("/?q=nvidia&entity=Jensen+Huang"), browser.driver.getCurrentUrl());
    assertEquals("nvidia", box.getAttribute("value"));
    assertEquals(ids(api("q=nvidia&entity=" + enc("Jensen Huang"))), shownIds());
  }

  @Test
  void theSkipLinkMovesFocusToTheResultsAndFewTabStopsComeFirst() throws Exception {
    open("/?q=china");
    WebElement body = browser.driver.findElement(By.tagName("body"));
    body.sendKeys(Keys.TAB);
    WebElement skip = browser.driver.switchTo().activeElement();
    assertEquals("Skip to results", skip.getText());
    skip.sendKeys(Keys.ENTER);
    assertEquals("results", browser.driver.switchTo().activeElement().getAttribute("id"));
    browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    // After the results' own tools, the first result comes next.
    int stops = 0;
    while (!Boolean.TRUE.equals(browser.js("return Boolean(document.activeElement.closest('#hits'));")) && stops < 50) {
      browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
      stops++;
    }
    assertTrue(stops <= 4, "Tab stops between the skip target and the first result: " + stops);
  }

  @Test
  void entitiesAreGroupedByTypeWithAFilterBox() throws Exception {
    open("/");
    JsonNode api = api("");
    List<String> types = new ArrayList<>();
    api.get("facets").get("entity").forEach(e -> {
      if (!types.contains(e.get("type").asText())) types.add(e.get("type").asText());
    });
    assertEquals(types.size(), browser.driver.findElements(By.cssSelector("#facet-entity .entity-group")).size());
    // Five of each type at first; "show more" lists the rest.
    boolean someHidden = false;
    for (String type : types) {
      long all = 0;
      for (JsonNode e : api.get("facets").get("entity")) {
        if (e.get("type").asText().equals(type)) all++;
      }
      String group = "#entity-group-" + type;
      assertEquals(Math.min(all, 5), browser.driver.findElements(By.cssSelector(group + " li")).size(), type);
      if (all > 5) {
        someHidden = true;
        browser.driver.findElement(By.cssSelector("[aria-controls='entity-group-" + type + "']")).click();
        assertEquals(all, browser.driver.findElements(By.cssSelector(group + " li")).size(), type);
      }
    }
    assertTrue(someHidden, "the seed corpus has a type with more than five entities");
    String name = api.get("facets").get("entity").get(0).get("value").asText();
    browser.driver.findElement(By.id("entity-filter")).sendKeys(name);
    awaitEntityLookup();
    List<String> shown = browser.driver.findElements(By.cssSelector("#facet-entity input[name=entity]")).stream()
        .map(e -> e.getAttribute("value")).toList();
    assertTrue(shown.contains(name) && shown.stream().allMatch(v -> v.toLowerCase().contains(name.toLowerCase())), shown.toString());
    checkbox("entity", name).click();
    settle();
    assertEquals(ids(api("entity=" + enc(name))), shownIds());
  }

  @Test
  void aRelaxedSearchSaysHowManyArticlesHaveEveryWordAndThatTheyComeFirst() throws Exception {
    String q = "Nvidia China ban";
    open("/?q=" + enc(q));
    JsonNode m = api("q=" + enc(q)).get("matching");
    long all = m.get("all_words").asLong();
    assertTrue(all > 0 && m.get("all_first").asBoolean(), m.toString());
    String notice = text("matching");
    String has = all == 1 ? "1 article has all 3 words, shown first" : all + " articles have all 3 words, shown first";
    assertTrue(notice.contains(has), notice);
    assertTrue(notice.contains("then articles with at least 2 of them"), notice);
    assertFalse(browser.driver.findElements(By.cssSelector("#matching .require-all")).isEmpty());
  }

  @Test
  void noMatchesShowsTheEmptyStateWithTheApisSuggestion() throws Exception {
    open("/?q=nvidai");
    JsonNode api = api("q=nvidai");
    assertEquals(0, api.get("total").asInt());
    assertTrue(text("empty").contains("No articles match “nvidai”"), text("empty"));
    List<WebElement> didYouMean = browser.driver.findElements(By.cssSelector("#empty .suggestion-link"));
    if (api.get("suggestion").isNull()) {
      assertTrue(didYouMean.isEmpty());
    } else {
      assertEquals(api.get("suggestion").asText(), didYouMean.get(0).getText());
      didYouMean.get(0).click();
      settle();
      assertEquals(ids(api("q=" + enc(api.get("suggestion").asText()))), shownIds());
    }
  }

  @Test
  void aBadRequestShowsTheServersMessage() throws Exception {
    open("/?q=china&from=last-tuesday");
    JsonNode api = TestServer.json(server.get("/api/search?q=china&from=last-tuesday"));
    String shown = text("error");
    assertTrue(shown.contains(api.get("error").get("message").asText()), shown);
    // The page's own request for this URL answered 400, and Chromium logs that.
    browser.consoleErrors(m -> m.contains("status of 400"));
  }

  @Test
  void keyboardFocusIsAlwaysVisible() throws Exception {
    open("/?q=nvidia");
    WebElement body = browser.driver.findElement(By.tagName("body"));
    body.sendKeys(Keys.TAB);
    List<String> invisible = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String focus = (String) browser.js("const e = document.activeElement, s = getComputedStyle(e);"
          + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) ? '' : e.outerHTML.slice(0, 80);");
      if (!focus.isEmpty()) invisible.add(focus);
      browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertEquals(List.of(), invisible, "focused without a visible outline");

    // Space on a facet checkbox filters, and focus stays on that checkbox after the redraw.
    WebElement box = checkbox("topic", "chips");
    browser.js("arguments[0].focus();", box);
    box.sendKeys(Keys.SPACE);
    settle();
    assertEquals(ids(api("q=nvidia&topic=chips")), shownIds());
    WebElement focused = browser.driver.switchTo().activeElement();
    assertEquals("chips", focused.getAttribute("value"));
    assertTrue(focused.isSelected());
    // Removing the only chip by keyboard leaves focus on the results.
    WebElement chip = browser.driver.findElement(By.cssSelector("#filter-chips .filter-chip"));
    chip.sendKeys(Keys.ENTER);
    settle();
    assertEquals(ids(api("q=nvidia")), shownIds());
    assertEquals("results", browser.driver.switchTo().activeElement().getAttribute("id"));
  }

  @Test
  void serverHtmlKeepsOnlyMarks() throws Exception {
    open("/");
    // A search answer whose escaped HTML went wrong: the page must still insert nothing active.
    browser.js("const real = window.fetch;"
        + "window.fetch = (url, opts) => String(url).startsWith('/api/search?') ? real(url, opts).then(r => r.json()).then(b => {"
        + "  b.hits[0].title_html = '<img src=x onerror=\"window.hacked=1\"><mark>safe</mark>';"
        + "  b.hits[0].snippets = ['<script>window.hacked=2</script><b onclick=\"x()\">bold</b> <mark>term</mark>'];"
        + "  b.hits[0].title = '<i>not html</i>';"
        + "  return new Response(JSON.stringify(b), {headers: {'Content-Type': 'application/json'}}); }) : real(url, opts);");
    browser.driver.findElement(By.id("q")).sendKeys("china", Keys.ENTER);
    settle();
    WebElement hit = browser.driver.findElement(By.cssSelector("#hits .hit"));
    assertEquals(List.of("MARK", "MARK"), browser.js(
        "return [...arguments[0].querySelectorAll('h3 a *, .snippet *')].map(e => e.tagName);", hit));
    assertTrue(hit.getText().contains("<b onclick=\"x()\">bold</b> term"), "stray markup shows as text: " + hit.getText());
    assertEquals(null, browser.js("return window.hacked === undefined ? null : window.hacked;"));
  }

  @Test
  void slashFocusesTheSearchBox() throws Exception {
    open("/?q=china");
    browser.driver.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("q", browser.driver.switchTo().activeElement().getAttribute("id"));
  }

  @Test
  void suggestionsComeFromTheSuggestEndpoint() throws Exception {
    assumeTrue(hasSuggest, "this server has no /api/suggest");
    open("/");
    JsonNode api = server.getJson("/api/suggest?q=nv");
    browser.driver.findElement(By.id("q")).sendKeys("nv");
    browser.waiting().until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    List<String> shown = browser.driver.findElements(By.cssSelector("#suggestions .suggestion-text")).stream().map(WebElement::getText).toList();
    List<String> expected = new ArrayList<>();
    api.get("suggestions").forEach(s -> expected.add(s.get("text").asText()));
    assertEquals(expected, shown);
  }

  @Test
  void autocompleteIsKeyboardUsable() throws Exception {
    open("/");
    // The page's own fetch answers /api/suggest here, so the combobox is tested whatever the
    // server offers; suggestionsComeFromTheSuggestEndpoint checks the real endpoint.
    browser.js("const real = window.fetch;"
        + "window.fetch = (url, opts) => String(url).startsWith('/api/suggest?') ? Promise.resolve(new Response("
        + "JSON.stringify({query: 'ch', suggestions: [{text: 'China', kind: 'entity', type: 'place'},"
        + "{text: 'Chips', kind: 'entity', type: 'product'}]}), {headers: {'Content-Type': 'application/json'}}))"
        + " : real(url, opts);");
    WebElement box = browser.driver.findElement(By.id("q"));
    box.sendKeys("ch");
    browser.waiting().until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    assertEquals("true", box.getAttribute("aria-expanded"));
    box.sendKeys(Keys.ARROW_DOWN);
    assertEquals("suggest-0", box.getAttribute("aria-activedescendant"));
    box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP, Keys.ENTER);
    settle();
    assertTrue(browser.driver.getCurrentUrl().endsWith("/?entity=China"), browser.driver.getCurrentUrl());
    assertEquals(ids(api("entity=China")), shownIds());
    assertFalse(browser.driver.findElement(By.id("suggestions")).isDisplayed());

    box.sendKeys("ch");
    browser.waiting().until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    box.sendKeys(Keys.ESCAPE);
    assertFalse(browser.driver.findElement(By.id("suggestions")).isDisplayed());
  }

  @Test
  void fastAnswersNeverShowTheLoadingNoticeAndSlowOnesDo() throws Exception {
    open("/");
    browser.js("window.seen = [];"
        + "new MutationObserver(() => window.seen.push(document.getElementById('status').textContent))"
        + ".observe(document.getElementById('status'), {childList: true, characterData: true, subtree: true});");
    // An answer in 50 ms, whatever the load on this machine: the page's fetch hands over the
    // API's own answer for this search after a 50 ms timer, which always fires before the page's
    // 250 ms one.
    String answer = server.get("/api/search?topic=chips&size=10").body();
    browser.js("const answer = JSON.parse(arguments[0]), real = window.realFetch = window.fetch;"
        + "window.fetch = (url, opts) => String(url).startsWith('/api/search?') ? new Promise(r => setTimeout(r, 50))"
        + "  .then(() => ({ok: true, status: 200, json: () => Promise.resolve(answer)})) : real(url, opts);", answer);
    checkbox("topic", "chips").click();
    settle();
    assertEquals(List.of(), seenStatus(), "the loading notice flickered for a fast answer");
    assertEquals(ids(api("topic=chips")), shownIds());

    // The same search, answered after 800 ms: the notice shows, then goes.
    browser.js("window.fetch = (url, opts) => new Promise(r => setTimeout(r, 800)).then(() => window.realFetch(url, opts));");
    checkbox("topic", "chips").click();
    settle();
    assertEquals(List.of("Searching…", ""), seenStatus());
    assertEquals(ids(api("")), shownIds());
  }

  @SuppressWarnings("unchecked")
  private List<String> seenStatus() {
    return ((List<Object>) browser.js("return window.seen;")).stream().map(String::valueOf).toList();
  }

  @Test
  void exportWritesEveryResultAsCsv() throws Exception {
    open("/?q=china&size=2");
    browser.driver.findElement(By.id("export-csv")).click();
    String csv = Files.readString(browser.download("news-search-china.csv").toPath());
    // Header first, as spreadsheets and CSV readers expect: no comment marker needed.
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<String> exported = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      parser.forEach(row -> exported.add(row.get("id")));
    }
    assertEquals(ids(api("q=china&size=100")), exported, csv);
  }

  @Test
  void exportWritesEveryResultAsJson() throws Exception {
    open("/?q=china&size=2");
    browser.driver.findElement(By.id("export-json")).click();
    JsonNode exported = JSON.readTree(browser.download("news-search-china.json"));
    JsonNode all = api("q=china&size=100");
    assertEquals(all.get("total").asInt(), exported.get("total").asInt());
    assertEquals(ids(all), idsOf(exported.get("hits")));
  }

  @Test
  void phoneWidthHasNoSidewaysScrollAndFiltersFold() throws Exception {
    browser.phone();
    open("/?q=nvidia");
    assertFalse(browser.driver.findElement(By.id("facets")).isDisplayed(), "filters take the phone's screen");
    assertNoSidewaysScroll();
    browser.screenshot("search-phone");
    browser.driver.findElement(By.id("filters-toggle")).click();
    assertTrue(browser.driver.findElement(By.id("facets")).isDisplayed());
    checkbox("topic", "chips").click();
    settle();
    assertTrue(browser.driver.findElement(By.id("facets")).isDisplayed(), "the filters stay open to pick more");
    assertEquals("Filters (1)", browser.driver.findElement(By.id("filters-toggle")).getText());
    browser.screenshot("search-phone-filters");
    browser.driver.findElement(By.id("filters-done")).click();
    assertFalse(browser.driver.findElement(By.id("facets")).isDisplayed());
    assertEquals("results", browser.driver.switchTo().activeElement().getAttribute("id"));
    assertEquals(ids(api("q=nvidia&topic=chips")), shownIds());
    browser.driver.findElement(By.cssSelector("#hits .hit h3 a")).click();
    browser.waiting().until(d -> d.findElement(By.id("article")).isDisplayed());
    assertNoSidewaysScroll();
    browser.screenshot("article-phone");
  }

  @Test
  void pagesHaveNoSeriousAccessibilityViolations() throws Exception {
    Path axe = Browser.axeScript();
    if (!Browser.ci()) {
      assumeTrue(axe != null, "axe-core is not installed (cd src/test/browser && npm ci)");
    }
    assertTrue(axe != null, "axe-core must be installed in CI: cd src/test/browser && npm ci");
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("search-desktop", "/?q=nvidia");
    pages.put("search-filtered-desktop", "/?q=china&topic=trade&from=2025-12&to=2025-12");
    pages.put("empty-desktop", "/?q=nvidai&topic=chips");
    String id = api("q=nvidia").get("hits").get(0).get("id").asText();
    pages.put("article-query-desktop", "/article.html?id=" + enc(id) + "&q=nvidia");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      open(page.getValue());
      if (page.getValue().startsWith("/article")) {
        browser.waiting().until(d -> d.findElement(By.id("article")).isDisplayed());
      }
      browser.screenshot(page.getKey());
      for (JsonNode v : browser.axeViolations(axe)) {
        String impact = v.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          problems.add(page.getValue() + ": " + impact + " " + v.get("id").asText() + " — " + v.get("help").asText()
              + " at " + v.get("nodes").findValuesAsText("target"));
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  // --- helpers ---

  /** The same view at phone size, saved as {@code name}; the browser is back at desktop size after. */
  private void phoneShot(String name) throws IOException {
    browser.phone();
    browser.driver.navigate().refresh();
    settle();
    browser.screenshot(name);
    browser.desktop();
    browser.driver.navigate().refresh();
    settle();
  }

  /** Waits until the entity filter's look-up in the whole archive has answered. */
  private void awaitEntityLookup() {
    browser.waiting().until(d -> d.findElement(By.id("facet-entity")).getAttribute("aria-busy") == null);
  }

  private void open(String path) {
    browser.driver.get(server.baseUrl() + path);
    settle();
  }

  /** Waits until the page has drawn the answer to its last request. */
  private void settle() {
    browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
        "const r = document.getElementById('results');"
            + "return document.readyState === 'complete' && (!r || !r.hasAttribute('aria-busy'));")));
  }

  private void tick(String facet, String value) {
    checkbox(facet, value).click();
    settle();
  }

  private WebElement checkbox(String facet, String value) {
    return browser.driver.findElement(By.cssSelector("#facets input[name='" + facet + "'][value='" + value + "']"));
  }

  private JsonNode api(String query) throws IOException, InterruptedException {
    String q = query.contains("size=") ? query : (query.isEmpty() ? "size=10" : query + "&size=10");
    return server.getJson("/api/search?" + q);
  }

  private static List<String> ids(JsonNode result) {
    return idsOf(result.get("hits"));
  }

  private static List<String> idsOf(JsonNode hits) {
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private List<String> shownIds() {
    return browser.driver.findElements(By.cssSelector("#hits > li.hit")).stream().map(e -> e.getAttribute("data-id")).toList();
  }

  private static Map<String, Long> topicCounts(JsonNode result) {
    Map<String, Long> counts = new LinkedHashMap<>();
    result.get("facets").get("topic").forEach(t -> counts.put(t.get("value").asText(), t.get("count").asLong()));
    return counts;
  }

  /** The topic facet as drawn: each checkbox's value and the number shown beside it. */
  @SuppressWarnings("unchecked")
  private Map<String, Long> shownTopicCounts() {
    List<List<Object>> rows = (List<List<Object>>) browser.js(
        "return [...document.querySelectorAll('#facet-topic li label')].map(l =>"
            + " [l.querySelector('input').value, l.querySelector('.count').firstChild.textContent]);");
    Map<String, Long> counts = new LinkedHashMap<>();
    rows.forEach(r -> counts.put((String) r.get(0), Long.parseLong(((String) r.get(1)).replace(",", ""))));
    return counts;
  }

  private String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  private void assertNoSidewaysScroll() {
    Object overflow = browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(((Number) overflow).longValue() <= 0, "page is wider than the screen by " + overflow + "px");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
