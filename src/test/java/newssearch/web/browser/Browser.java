package newssearch.web.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import newssearch.TestCorpus;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both paths are explicit, so
 * Selenium Manager never downloads a browser or a driver. One instance serves a whole test class.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension DESKTOP = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Selenium warns when it has no DevTools bindings for this Chromium's version; the tests use
   * none (CDP commands go through chromedriver), so the warning is noise. Held here so the
   * loggers keep their level.
   */
  private static final Logger[] QUIET = {
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
      Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver")};

  static {
    for (Logger logger : QUIET) {
      logger.setLevel(Level.SEVERE);
    }
  }

  final ChromeDriver driver;
  final Path downloads;
  private final Path profile;

  private Browser(Path profile, Path downloads) {
    this.profile = profile;
    this.downloads = downloads;
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** Starts the browser, or skips the test class when Chromium is absent outside CI. */
  static Browser start() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!ci()) {
      assumeTrue(installed, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }
    Path profile = Files.createTempDirectory("news-search-chromium");
    Path downloads = Files.createTempDirectory("news-search-downloads");
    return new Browser(profile, downloads);
  }

  static boolean ci() {
    return "true".equals(System.getenv("CI"));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  /** A viewport of exactly this size; {@code mobile} also emulates a phone's viewport handling. */
  void viewport(Dimension size, boolean mobile) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  void desktop() {
    viewport(DESKTOP, false);
  }

  void phone() {
    viewport(PHONE, true);
  }

  /** Browser console entries of level SEVERE since the last call, other than those {@code expected}. */
  List<String> consoleErrors(Predicate<String> expected) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected.test(entry.getMessage())) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /** A PNG of the viewport under target/screenshots/. */
  Path screenshot(String name) throws IOException {
    Path dir = TestCorpus.home().resolve("target/screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** axe-core from the npm folder of the browser tests, or null when it is not installed. */
  static Path axeScript() {
    Path axe = TestCorpus.home().resolve("src/test/browser/node_modules/axe-core/axe.min.js");
    return Files.isRegularFile(axe) ? axe : null;
  }

  /** Runs axe-core on the current page and returns its violations. */
  JsonNode axeViolations(Path axe) throws IOException {
    if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
      js(Files.readString(axe));
    }
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']})"
            + ".then(r => done(JSON.stringify(r.violations)))"
            + ".catch(e => done(JSON.stringify({error: String(e)})));");
    JsonNode violations = JSON.readTree(String.valueOf(result));
    if (violations.has("error")) {
      throw new IllegalStateException("axe-core failed: " + violations.get("error").asText());
    }
    return violations;
  }

  /** A downloaded file named {@code name}, once Chromium has finished writing it. */
  File download(String name) {
    File file = downloads.resolve(name).toFile();
    waiting().until(d -> file.isFile() && file.length() > 0);
    return file;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
      deleteTree(downloads);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
