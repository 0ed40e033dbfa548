package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.ingest.SourceFile;
import newssearch.ingest.TextFormat;

/**
 * Property-based fuzzing of the ingest parsers: any bytes in a corpus file, and any bytes in the
 * metadata file beside it, are read into articles or reported; nothing throws, and what comes
 * out can be enriched.
 */
class IngestFuzzTest {
  private static final String SEPARATOR =
      "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!";

  private Path dir;

  @BeforeTry
  void createFolder() throws IOException {
    dir = Files.createTempDirectory("ingest-fuzz");
  }

  @AfterTry
  void removeFolder() throws IOException {
    Fixtures.deleteTree(dir);
  }

  @Property(tries = 200)
  void anyBytesAreReadOrReported(@ForAll("files") byte[] text, @ForAll("metadata") byte[] metadata) throws IOException {
    Path file = Files.write(dir.resolve("article.txt"), text);
    if (metadata.length > 0) {
      Files.write(dir.resolve("article.meta.json"), metadata);
    }
    IngestReport report = new IngestReport();
    List<Article> articles = new ArrayList<>();

    new TextFormat(TestCorpus.config().ingest()).read(SourceFile.under(dir, file), articles::add, report);

    for (Article article : articles) {
      assertFalse(article.id().isBlank());
      assertNotNull(article.title());
      assertFalse(article.text().isBlank());
      assertNotNull(TestCorpus.config().enricher().enrich(article));
    }
    List<Article> again = CorpusReader.standard(TestCorpus.config().ingest()).read(List.of(dir), new IngestReport());
    assertFalse(again.size() != articles.size(), "the corpus reader finds the same articles");
  }

  @Provide
  Arbitrary<byte[]> files() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    Arbitrary<String> lines = Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(120),
            Arbitraries.strings().withChars("abc ABC.,;:!?'\"-|\t\r\f\u00a0\u2019\u00e9中😀").ofMaxLength(200),
            Arbitraries.of(SEPARATOR, "  " + SEPARATOR + "  ", "|---|---|", "", "\r", "# Headline", "\ufeff", "\u0000"))
        .list().ofMaxSize(40)
        .map(l -> String.join("\n", l));
    Arbitrary<Charset> charset = Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16, Charset.forName("windows-1252"),
        StandardCharsets.ISO_8859_1);
    Arbitrary<byte[]> text = net.jqwik.api.Combinators.combine(lines, charset).as((s, c) -> s.getBytes(c));
    return Arbitraries.oneOf(raw, text);
  }

  @Provide
  Arbitrary<byte[]> metadata() {
    Arbitrary<String> json = Arbitraries.of(
        "", "{", "[]", "null", "{\"title\": 1}", "{\"articles\": {}}", "{\"articles\": [null, 1, \"x\", {}]}",
        "{\"date\": \"2025-02-30\"}", "{\"date\": \"99999\", \"date_precision\": \"eon\"}", "{\"topics\": \"ai\"}",
        "{\"id\": \"\", \"title\": \"   \", \"source\": null}", "{\"articles\": [{\"title\": \"<script>alert(1)</script>\"}]}");
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(200);
    return Arbitraries.oneOf(json, any).map(s -> s.getBytes(StandardCharsets.UTF_8));
  }
}
