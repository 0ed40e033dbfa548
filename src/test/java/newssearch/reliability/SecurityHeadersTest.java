package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newssearch.web.SeedServerTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every response carries the security headers; the page needs no inline script; no listings, no server banner. */
class SecurityHeadersTest extends SeedServerTests {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/", "/index.html", "/app.js", "/style.css", "/api/health", "/api/search?q=nvidia", "/api/search?page=0",
      "/api/articles/no-such-id", "/no/such/file", "/%2e%2e/%2e%2e/etc/passwd"})
  void everyResponseCarriesTheSecurityHeaders(String target) throws Exception {
    RawHttp.Response response = RawHttp.get(server.port(), target);

    String csp = response.header("Content-Security-Policy");
    assertTrue(csp != null, target + ": Content-Security-Policy missing in " + response.headers());
    assertTrue(csp.contains("default-src 'self'"), csp);
    assertTrue(csp.contains("script-src 'self'"), csp);
    assertTrue(csp.contains("object-src 'none'"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
    assertEquals("nosniff", response.header("X-Content-Type-Options"));
    assertEquals("same-origin", response.header("Referrer-Policy"));
    assertNull(response.header("Server"), "no server banner");
  }

  @Test
  void errorsJettyAnswersItselfAreJsonWithHeaders() throws Exception {
    RawHttp.Response response = RawHttp.get(server.port(), "/api/search?q=" + "a".repeat(20_000));

    assertEquals(414, response.status());
    HostileRequestsTest.assertJsonError("URI too long", response);
    assertEquals("nosniff", response.header("X-Content-Type-Options"));
    assertTrue(response.header("Content-Security-Policy").contains("script-src 'self'"));
  }

  /** The policy forbids inline script, so the page must not rely on any. */
  @Test
  void pageHasNoInlineScriptOrHandlers() throws Exception {
    String page = RawHttp.get(server.port(), "/").body();

    Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(page);
    int count = 0;
    while (scripts.find()) {
      count++;
      assertTrue(scripts.group(1).contains("src="), "a script without src: " + scripts.group());
      assertTrue(scripts.group(2).isBlank(), "inline script: " + scripts.group());
    }
    assertTrue(count > 0, "the page loads its script from a file");
    assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find(), "inline event handler in the page");
    assertFalse(page.toLowerCase().contains("javascript:"), "javascript: URL in the page");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "//", "/./", "/web/", "/META-INF/", "/newssearch/", "/.git/"})
  void noDirectoryListings(String target) throws Exception {
    RawHttp.Response response = RawHttp.get(server.port(), target);

    assertTrue(response.status() == 200 || response.status() == 400 || response.status() == 404, target + ": " + response.status());
    assertFalse(response.body().contains("Directory: ") || response.body().contains("Index of"), target + " lists a folder");
    if (response.status() == 200) {
      assertTrue(response.body().contains("id=\"search-form\""), target + " answers with the page, not a listing");
    } else {
      HostileRequestsTest.assertJsonError(target, response);
    }
  }
}
