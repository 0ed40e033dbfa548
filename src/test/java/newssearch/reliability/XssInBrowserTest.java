package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import newssearch.web.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An article whose text, title and source carry {@code <script>} and {@code <img onerror>} shows
 * them as text in a real browser, and none of it runs. Skipped when Chromium is not installed,
 * except in CI ({@code CI=true}), where it must run.
 */
class XssInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void hostileArticleTextShowsLiterallyAndNeverRuns(@TempDir Path corpus, @TempDir Path indexDir, @TempDir Path profile)
      throws Exception {
    boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    Assumptions.assumeTrue(browser || "true".equals(System.getenv("CI")), "Chromium and chromedriver are not installed");
    Files.writeString(corpus.resolve("hostile.txt"), """
        The fennecwhisk report quotes <script>window.__xss = 1; document.title = 'owned'</script> verbatim.

        It also shows <img src=x onerror="window.__xss = 2"> and <a href="javascript:window.__xss=3">a link</a> \
        and <svg onload="window.__xss = 4"></svg> as fennecwhisk text.
        """);
    Files.writeString(corpus.resolve("hostile.meta.json"), """
        {"title": "<img src=x onerror=\\"window.__xss = 5\\"> Fennecwhisk <script>window.__xss = 6</script>",
         "source": "<script>window.__xss = 7</script>Evil Times", "date": "2025-05-01"}
        """);

    try (TestServer server = TestServer.start(indexDir, corpus)) {
      ChromeDriver driver = chrome(profile);
      try {
        driver.get(server.baseUrl() + "/?q=fennecwhisk");
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(d -> !d.findElements(By.cssSelector("#hits li")).isEmpty());
        JavascriptExecutor js = driver;

        assertEquals(Boolean.TRUE, js.executeScript("return window.__xss === undefined"), "a script from the article ran");
        assertEquals(0L, js.executeScript(
            "return document.querySelectorAll('#hits script, #hits img, #hits svg, #hits [onerror], #hits [onload]').length"));
        assertFalse(driver.getTitle().contains("owned"), "the article's script set the page title: " + driver.getTitle());
        String shown = driver.findElement(By.id("hits")).getText();
        assertTrue(shown.contains("<img src=x onerror=\"window.__xss = 5\"> Fennecwhisk <script>"), "title as text: " + shown);
        assertTrue(shown.contains("<script>window.__xss = 1;"), "snippet as text: " + shown);
        assertTrue(js.executeScript("return document.querySelectorAll('#hits mark').length").toString().matches("[1-9]\\d*"),
            "matches are still highlighted");
      } finally {
        driver.quit();
      }
    }
  }

  private static ChromeDriver chrome(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }
}
