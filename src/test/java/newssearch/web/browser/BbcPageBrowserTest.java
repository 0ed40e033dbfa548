package newssearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.web.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The search page over the BBC News folder (2,225 articles), when it is beside the project: an
 * optional run, skipped with the reason otherwise (the BBC's text is not in the repository).
 * Screenshots go to target/screenshots/bbc-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BbcPageBrowserTest {
  @TempDir static Path dir;
  private TestServer server;
  private Browser browser;
  private PageDriver page;

  /** Starts the browser and the server on the first test: a skipped run starts neither. */
  private void start() throws Exception {
    assumeTrue(TestCorpus.hasBbc(), TestCorpus.bbcAbsent());
    if (page == null) {
      browser = Browser.start();
      server = TestServer.start(dir.resolve("index"), TestCorpus.bbc());
      page = new PageDriver(browser, server, "bbc");
    }
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void theBbcFolderSearchesWithALongTailEntityAndATimelineThatFits() throws Exception {
    start();
    browser.desktop();
    page.open("/?q=election");
    page.assertNoSidewaysScroll();
    assertTrue(page.right("#facet-date") <= page.left("#results"), "the timeline stays in its column");
    page.shots("election");
    // A name with few articles, found by the filter box through /api/facets/entity.
    browser.driver.findElement(By.id("entity-filter")).sendKeys("hoo");
    browser.waiting().until(d -> d.findElement(By.id("facet-entity")).getAttribute("aria-busy") == null && !d.findElements(By.cssSelector("#facet-entity input[value='Geoff Hoon']")).isEmpty());
    page.shot("entity-lookup");
    page.open("/?q=election&page=2");
    page.assertFirstHitVisible();
    browser.phone();
    page.open("/?q=election");
    page.assertFirstHitVisible();
    page.assertNoSidewaysScroll();
    assertEquals(List.of(), browser.consoleErrors(m -> false), "console errors");
  }
}
