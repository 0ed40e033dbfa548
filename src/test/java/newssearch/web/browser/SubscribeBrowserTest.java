package newssearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import newssearch.web.LiveTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The page offers a search's feed ("Subscribe"), saves a search in the browser, and on a later visit
 * says how many articles arrived since.
 */
class SubscribeBrowserTest {
  @Test
  void subscribeLinkAndNewSinceTheLastVisit(@TempDir Path dir) throws Exception {
    try (Browser browser = Browser.start(); LiveTestServer server = new LiveTestServer(dir)) {
      browser.driver.get(server.baseUrl() + "/?q=ocelotquark");
      settle(browser);
      String feed = browser.driver.findElement(By.id("subscribe")).getAttribute("href");
      assertEquals(server.baseUrl() + "/api/search.atom?q=ocelotquark", feed);
      browser.driver.findElement(By.id("save-search")).click();

      for (int i = 0; i < 2; i++) {
        assertEquals(200, server.post("/api/articles", "{\"id\": \"ocelot-" + i + "\", \"title\": \"Ocelotquark " + i
            + "\", \"text\": \"Ocelotquark news number " + i + ".\"}").statusCode());
      }
      server.refresh();

      browser.driver.get(server.baseUrl() + "/");
      settle(browser);
      browser.waiting().until(d -> !d.findElement(By.id("new-since")).getText().isEmpty());
      String note = browser.driver.findElement(By.id("new-since")).getText();
      assertTrue(note.startsWith("2 articles new since your last visit"), note);

      browser.driver.get(server.baseUrl() + "/");
      settle(browser);
      browser.waiting().until(d -> !d.findElement(By.id("new-since")).getText().isEmpty());
      note = browser.driver.findElement(By.id("new-since")).getText();
      assertTrue(note.startsWith("0 articles new since your last visit"), "the last visit counts as seen: " + note);
    }
  }

  private static void settle(Browser browser) {
    browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
        "const r = document.getElementById('results');"
            + "return document.readyState === 'complete' && (!r || !r.hasAttribute('aria-busy'));")));
  }
}
