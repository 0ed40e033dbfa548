package newssearch.web;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import newssearch.search.SearchResult;

/**
 * A search as an Atom feed (RFC 4287): its hits, newest arrival first, each linking to the article
 * view. Written with the JDK's XML writer, which escapes every value.
 */
final class AtomFeed {
  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private AtomFeed() {}

  /**
   * @param self the feed's own absolute URL (also its id: one search, one feed)
   * @param base the server's absolute URL without a trailing slash
   * @param queryString the search's parameters, for the link to the same search on the page
   */
  static String write(SearchResult result, String self, String base, String queryString) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      text(xml, "id", self);
      text(xml, "title", result.query().isBlank() ? "news-search: all articles" : "news-search: " + result.query());
      String updated = result.hits().isEmpty() || result.hits().get(0).indexedAt() == null
          ? result.generatedAt() : result.hits().get(0).indexedAt();
      text(xml, "updated", updated);
      xml.writeStartElement("author");
      text(xml, "name", "news-search");
      xml.writeEndElement();
      link(xml, "self", self, "application/atom+xml");
      link(xml, "alternate", base + "/" + (queryString.isEmpty() ? "" : "?" + queryString), "text/html");
      for (SearchResult.Hit hit : result.hits()) {
        entry(xml, hit, base, updated);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter xml, SearchResult.Hit hit, String base, String fallbackUpdated)
      throws XMLStreamException {
    String link = base + "/article.html?id=" + URLEncoder.encode(hit.id(), StandardCharsets.UTF_8);
    xml.writeStartElement("entry");
    text(xml, "id", link);
    text(xml, "title", hit.title());
    text(xml, "updated", hit.indexedAt() == null ? fallbackUpdated : hit.indexedAt());
    if (!hit.source().isEmpty()) {
      xml.writeStartElement("author");
      text(xml, "name", hit.source());
      xml.writeEndElement();
    }
    link(xml, "alternate", link, "text/html");
    if (!hit.snippets().isEmpty()) {
      // The snippets are HTML (escaped text with <mark>): sent as escaped HTML, as Atom's type="html" says.
      xml.writeStartElement("summary");
      xml.writeAttribute("type", "html");
      xml.writeCharacters(String.join(" ", hit.snippets()));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value == null ? "" : value);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }
}
