package newssearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import newssearch.web.TestServer;
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

/**
 * The search page on a real-sized archive: a generated one spanning twenty-six years with five
 * hundred entities ({@link ArchiveCorpus}). Screenshots of each state at desktop and phone size go
 * to target/screenshots/archive-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchivePageBrowserTest {
  @TempDir static Path dir;
  private TestServer server;
  private Browser browser;
  private PageDriver page;

  @BeforeAll
  void start() throws Exception {
    browser = Browser.start();
    server = TestServer.start(dir.resolve("index"), ArchiveCorpus.write(dir.resolve("corpus"), 7L));
    page = new PageDriver(browser, server, "archive");
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @BeforeEach
  void desktop() {
    browser.desktop();
    browser.consoleErrors(m -> true);
  }

  @AfterEach
  void consoleHasNoErrors() {
    assertEquals(List.of(), browser.consoleErrors(m -> false), "console errors");
  }

  @Test
  void theTimelineOfTwentySixYearsFitsByYearWithAScale() throws Exception {
    page.open("/");
    List<WebElement> bars = browser.driver.findElements(By.cssSelector("#facet-date .bar"));
    assertEquals(ArchiveCorpus.LAST_YEAR - ArchiveCorpus.FIRST_YEAR + 1, bars.size(), "one bar a year");
    assertEquals(String.valueOf(ArchiveCorpus.FIRST_YEAR), bars.get(0).getAttribute("data-key"));
    // Inside the sidebar, left of the results: nothing spills over the result count or titles.
    assertTrue(page.right("#facet-date") <= page.left("#results"), "the timeline stays in its column");
    assertTrue(page.right("#timeline") <= page.right("#facet-date") + 1, "bars stay inside the timeline");
    String scale = browser.driver.findElement(By.cssSelector("#facet-date .scale")).getText();
    long max = 0;
    for (JsonNode y : server.getJson("/api/search?size=1").get("facets").get("year")) {
      if (!y.get("value").asText().equals("undated")) max = Math.max(max, y.get("count").asLong());
    }
    assertTrue(scale.startsWith(String.valueOf(max)), "the scale shows the highest count " + max + ": " + scale);
    assertTrue(browser.driver.findElement(By.cssSelector("#facet-date .axis")).getText().contains(String.valueOf(ArchiveCorpus.LAST_YEAR)));
    page.shots("timeline-years");
    browser.phone();
    page.open("/");
    page.assertNoSidewaysScroll();
    browser.driver.findElement(By.id("filters-toggle")).click();
    page.assertNoSidewaysScroll();
    assertTrue(page.right("#timeline") <= 390, "the timeline fits a phone");
    browser.screenshot("archive-timeline-years-phone-filters");
  }

  @Test
  void theTimelineIsOneTabStopWithArrowKeysAndCountsOnFocus() throws Exception {
    page.open("/");
    WebElement timeline = browser.driver.findElement(By.id("timeline"));
    assertEquals(1, page.tabStopsIn("#facet-date"), "one Tab stop for the whole timeline");
    browser.js("arguments[0].focus();", timeline);
    timeline.sendKeys(Keys.HOME);
    String first = timeline.getAttribute("aria-activedescendant");
    assertEquals(String.valueOf(ArchiveCorpus.FIRST_YEAR), browser.driver.findElement(By.id(first)).getAttribute("data-key"));
    timeline.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    WebElement active = browser.driver.findElement(By.id(timeline.getAttribute("aria-activedescendant")));
    String year = String.valueOf(ArchiveCorpus.FIRST_YEAR + 2);
    assertEquals(year, active.getAttribute("data-key"));
    long count = page.api("from=" + year + "&to=" + year).get("total").asLong();
    String readout = browser.driver.findElement(By.cssSelector("#facet-date .readout")).getText();
    assertEquals(year + ": " + count + " articles", readout);
    page.shot("timeline-focus");
    timeline.sendKeys(Keys.ENTER);
    page.settle();
    assertTrue(browser.driver.getCurrentUrl().contains("from=" + year + "&to=" + year), browser.driver.getCurrentUrl());
    assertEquals(page.ids(page.api("from=" + year + "&to=" + year)), page.shownIds());
    assertEquals("timeline", browser.driver.switchTo().activeElement().getAttribute("id"), "focus stays on the timeline");
    // The timeline keeps the whole span, with the picked year marked.
    List<String> selected = browser.driver.findElements(By.cssSelector("#facet-date .bar[aria-selected='true']")).stream()
        .map(b -> b.getAttribute("data-key")).toList();
    assertEquals(List.of(year), selected);
    page.shots("timeline-one-year");
  }

  @Test
  void aSpanOfSomeYearsIsShownByQuarter() throws Exception {
    // Only the articles of 2010 to 2015 speak of the regatta: six years, drawn by quarter.
    page.open("/?q=regatta");
    List<WebElement> bars = browser.driver.findElements(By.cssSelector("#facet-date .bar"));
    assertTrue(bars.size() > 12 && bars.size() <= 24, "quarters: " + bars.size());
    assertTrue(bars.get(0).getAttribute("data-key").matches("\\d{4}-Q[1-4]"), bars.get(0).getAttribute("data-key"));
    page.shots("timeline-quarters");
  }

  @Test
  void theEntityFilterBoxFindsNamesBeyondTheLoadedOnes() throws Exception {
    page.open("/");
    Set<String> loaded = new HashSet<>();
    page.api("").get("facets").get("entity").forEach(e -> loaded.add(e.get("value").asText()));
    // A rare name of the archive that the page did not load.
    String rare = null;
    for (String name : ArchiveCorpus.entityNames()) {
      String plain = name.substring(name.indexOf(':') + 1);
      if (!loaded.contains(plain) && plain.startsWith("Tomas")) {
        rare = plain;
        break;
      }
    }
    assertNotNull(rare);
    String family = rare.substring(rare.indexOf(' ') + 1);
    JsonNode lookup = server.getJson("/api/facets/entity?size=30&prefix=" + enc(family.substring(0, 4)));
    assertTrue(lookup.get("values").findValuesAsText("value").contains(rare), "the API knows " + rare);
    browser.driver.findElement(By.id("entity-filter")).sendKeys(family.substring(0, 4));
    String wanted = rare;
    browser.waiting().until(d -> d.findElement(By.id("facet-entity")).getAttribute("aria-busy") == null
        && !d.findElements(By.cssSelector("#facet-entity input[value='" + wanted + "']")).isEmpty());
    page.shot("entity-lookup");
    browser.driver.findElement(By.cssSelector("#facet-entity input[value='" + wanted + "']")).click();
    page.settle();
    assertTrue(browser.driver.getCurrentUrl().contains("entity=" + enc(rare).replace("+", "%20"))
        || browser.driver.getCurrentUrl().contains("entity=" + enc(rare)), browser.driver.getCurrentUrl());
    assertEquals(page.ids(page.api("entity=" + enc(rare))), page.shownIds());
  }

  @Test
  void foldersTopicsAndTaxonomyTopicsLookDifferentAndCombineWithOr() throws Exception {
    page.open("/");
    WebElement folder = page.checkbox("topic", "ports");
    WebElement taxonomy = page.checkbox("topic", "markets");
    assertTrue(folder.findElement(By.xpath("ancestor::li")).getAttribute("class").contains("topic-folder"));
    assertFalse(taxonomy.findElement(By.xpath("ancestor::li")).getAttribute("class").contains("topic-folder"));
    page.tick("topic", "ports");
    page.tick("topic", "mining");
    String hint = browser.driver.findElement(By.id("topic-hint")).getText();
    assertTrue(hint.contains("OR"), hint);
    JsonNode both = page.api("topic=ports&topic=mining");
    assertEquals(page.api("topic=ports").get("total").asLong() + page.api("topic=mining").get("total").asLong(),
        both.get("total").asLong(), "any of the two topics (the generator gives one topic an article)");
    page.shots("topics-or");
  }

  @Test
  void nextPageStartsAtTheTopWithFocusOnTheResults() throws Exception {
    page.open("/");
    page.scrollTo("#pager");
    browser.driver.findElement(By.cssSelector("#pager a[aria-label='Next page']")).click();
    page.settle();
    assertTrue(browser.driver.getCurrentUrl().contains("page=2"));
    page.assertFirstHitVisible();
    assertEquals("results", browser.driver.switchTo().activeElement().getAttribute("id"));
    page.shot("page-2");
  }

  @Test
  void fewTabStopsBeforeTheFirstResult() throws Exception {
    page.open("/");
    int stops = page.tabStopsBeforeFirstResult();
    assertTrue(stops <= 10, "Tab stops before the first result: " + stops);
  }

  @Test
  void onAPhoneTheResultsComeFirstAndTheFiltersSayHowManyTheyShow() throws Exception {
    browser.phone();
    page.open("/?topic=ports");
    page.assertFirstHitVisible();
    page.shot("results");
    browser.driver.findElement(By.id("filters-toggle")).click();
    long total = page.api("topic=ports").get("total").asLong();
    WebElement done = browser.driver.findElement(By.id("filters-done"));
    assertEquals("Show " + total + " results", done.getText());
    page.tick("topic", "mining");
    long both = page.api("topic=ports&topic=mining").get("total").asLong();
    assertEquals("Show " + both + " results", browser.driver.findElement(By.id("filters-done")).getText());
    browser.screenshot("archive-phone-filters");
    browser.driver.findElement(By.id("filters-done")).click();
    assertFalse(browser.driver.findElement(By.id("facets")).isDisplayed());
    page.assertFirstHitVisible();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
