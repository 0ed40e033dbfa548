package newssearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/search.atom}: a valid Atom 1.0 feed as a real parser (Rome) reads it, newest arrival
 * first, entries linking to the article view, and titles with markup characters escaped.
 */
class AtomFeedTest {
  @Test
  void aSearchIsAFeedNewestArrivalFirst(@TempDir Path dir) throws Exception {
    try (LiveTestServer s = new LiveTestServer(dir)) {
      assertEquals(200, s.post("/api/articles", "{\"id\": \"older\", \"title\": \"Pangolinzap <b>first</b> & more\","
          + " \"text\": \"Pangolinzap news, the first.\", \"date\": \"2031-01-01\", \"source\": \"Wire\"}").statusCode());
      Thread.sleep(5); // arrival times are in milliseconds: the second post arrives later
      assertEquals(200, s.post("/api/articles", "{\"id\": \"a&b newer\", \"title\": \"Pangolinzap second\","
          + " \"text\": \"Pangolinzap news, the second.\", \"date\": \"2020-01-01\"}").statusCode());
      s.refresh();

      HttpResponse<String> r = s.get("/api/search.atom?q=pangolinzap&sort=date");
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
      SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
      assertEquals("atom_1.0", feed.getFeedType());
      assertEquals("news-search: pangolinzap", feed.getTitle());
      assertNotNull(feed.getPublishedDate(), "the feed has updated");
      assertTrue(feed.getUri().endsWith("/api/search.atom?q=pangolinzap&sort=date"), feed.getUri());
      SyndLink self = feed.getLinks().stream().filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow();
      assertEquals(s.baseUrl() + "/api/search.atom?q=pangolinzap&sort=date", self.getHref());

      List<SyndEntry> entries = feed.getEntries();
      assertEquals(2, entries.size());
      assertEquals("Pangolinzap second", entries.get(0).getTitle(), "newest arrival first, whatever the publication date");
      assertEquals(s.baseUrl() + "/article.html?id=a%26b+newer", entries.get(0).getLink());
      assertEquals("Pangolinzap <b>first</b> & more", entries.get(1).getTitle(), "markup in a title is text, escaped");
      assertNotNull(entries.get(0).getUpdatedDate());
      assertTrue(entries.get(0).getUpdatedDate().after(entries.get(1).getUpdatedDate())
          || entries.get(0).getUpdatedDate().equals(entries.get(1).getUpdatedDate()));
      assertEquals("html", entries.get(1).getDescription().getType());
      assertTrue(entries.get(1).getDescription().getValue().contains("<mark>Pangolinzap</mark>"),
          entries.get(1).getDescription().getValue());
      assertEquals("Wire", entries.get(1).getAuthor());

      assertEquals(400, s.get("/api/search.atom?from=2025-13").statusCode());
      SyndFeed empty = new SyndFeedInput().build(new StringReader(s.get("/api/search.atom?q=nosuchwordanywhere").body()));
      assertEquals(0, empty.getEntries().size());
    }
  }
}
