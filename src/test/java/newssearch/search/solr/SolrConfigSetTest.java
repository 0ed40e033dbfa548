package newssearch.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import newssearch.config.ConfigException;
import newssearch.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The configset is generated from index-config/ and the schema: each chain line becomes the Solr
 * factory of the same SPI name with the same parameters, the files it names are copied, and a
 * bad chain stops with its file and line. (That Solr then makes the same tokens is tested against
 * a real cluster in solr-cluster/.)
 */
class SolrConfigSetTest {
  @TempDir Path dir;

  @Test
  void chainsBecomeSolrAnalyzersWithTheirFiles() throws Exception {
    Path out = dir.resolve("conf");
    new SolrConfigSet(Path.of("index-config")).write(out);
    for (String file : List.of("managed-schema.xml", "solrconfig.xml", "stopwords.txt", "synonyms.txt", "char-mapping.txt")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    Document schema = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("managed-schema.xml").toFile());
    Element index = analyzer(schema, "index");
    assertEquals(List.of("charFilter:mapping", "tokenizer:standard", "filter:englishPossessive", "filter:lowercase",
        "filter:asciiFolding", "filter:stop", "filter:porterStem"), steps(index));
    assertEquals(List.of("tokenizer:standard", "filter:englishPossessive", "filter:lowercase", "filter:asciiFolding",
        "filter:synonymGraph", "filter:stop", "filter:porterStem"), steps(analyzer(schema, "query")));
    Element stop = (Element) index.getElementsByTagName("filter").item(3);
    assertEquals("stopwords.txt", stop.getAttribute("words"));
    assertEquals("true", stop.getAttribute("ignoreCase"));
    assertEquals(Files.readString(Path.of("index-config/stopwords.txt")), Files.readString(out.resolve("stopwords.txt")));
  }

  @Test
  void everySchemaFieldIsInTheSolrSchema() throws Exception {
    String schema = new SolrConfigSet(Path.of("index-config")).schema(new java.util.HashSet<>());
    for (String field : List.of(Schema.ID, Schema.TITLE, Schema.TEXT, Schema.ENTITY_TEXT, Schema.SPELL, Schema.DATE,
        Schema.DATE_ISO, Schema.DATE_PRECISION, Schema.DATE_BASIS, Schema.URL, Schema.TITLE_ORIGIN, Schema.ORIGIN,
        Schema.ENRICHMENT, Schema.SOURCE, Schema.TOPIC, Schema.ENTITY, Schema.MONTH, Schema.YEAR,
        SolrFields.ENTITY_TYPE, SolrFields.ENTITY_PATH)) {
      assertTrue(schema.contains("<field name=\"" + field + "\""), field);
    }
  }

  @Test
  void aBadChainLineStopsWithFileAndLine() throws Exception {
    Path config = dir.resolve("config");
    Files.createDirectories(config);
    Files.writeString(config.resolve("analyzer.conf"), "# chain\ntokenizer standard\nfilter stop words\n");
    ConfigException e = assertThrows(ConfigException.class, () -> new SolrConfigSet(config).write(dir.resolve("out")));
    assertTrue(e.getMessage().contains("analyzer.conf") && e.getMessage().contains("3"), e.getMessage());
  }

  private static Element analyzer(Document schema, String type) {
    NodeList analyzers = schema.getElementsByTagName("analyzer");
    for (int i = 0; i < analyzers.getLength(); i++) {
      Element a = (Element) analyzers.item(i);
      if (a.getAttribute("type").equals(type)) {
        return a;
      }
    }
    throw new AssertionError("no " + type + " analyzer");
  }

  private static List<String> steps(Element analyzer) {
    List<String> steps = new java.util.ArrayList<>();
    NodeList children = analyzer.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e) {
        steps.add(e.getTagName() + ":" + e.getAttribute("name"));
      }
    }
    return steps;
  }
}
