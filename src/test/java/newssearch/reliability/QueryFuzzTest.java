package newssearch.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import newssearch.TestCorpus;
import newssearch.search.ArticleSearcher;
import newssearch.search.DateBounds;
import newssearch.search.InvalidRequestException;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SearchResult;
import newssearch.search.SortOrder;

/**
 * Property-based fuzzing of the query path: whatever text arrives in {@code q} (or in the other
 * parameters), the searcher answers or rejects it with an {@link InvalidRequestException}, which
 * the server maps to a 400. Anything else thrown would be a 500. {@code -Djqwik.tries.default}
 * does not apply here; raise the tries in the annotations for a longer run.
 */
class QueryFuzzTest {
  private static Path indexDir;
  private static ArticleSearcher searcher;

  @BeforeContainer
  static void open() throws IOException {
    indexDir = Files.createTempDirectory("query-fuzz");
    searcher = TestCorpus.searcher(indexDir, TestCorpus.seedCorpus());
  }

  @AfterContainer
  static void close() throws IOException {
    searcher.close();
    Fixtures.deleteTree(indexDir);
  }

  @Property(tries = 200)
  void anyQueryIsAnsweredOrRejectedAsInvalid(@ForAll("queries") String q, @ForAll QuerySyntax syntax) throws IOException {
    try {
      SearchResult result = searcher.search(
          new SearchRequest(q, syntax, List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, 10));
      assertTrue(result.total() >= 0 && result.hits().size() <= 10);
    } catch (InvalidRequestException e) {
      assertFalse(e.getMessage().isBlank(), "a rejection says why");
    }
  }

  @Property(tries = 200)
  void anyFilterValuesAreAnsweredOrRejectedAsInvalid(
      @ForAll("values") List<String> topics, @ForAll("values") List<String> entities) throws IOException {
    try {
      searcher.search(new SearchRequest("", QuerySyntax.SIMPLE, topics, entities, null, null, SortOrder.NEWEST, 1, 10));
    } catch (InvalidRequestException e) {
      assertFalse(e.getMessage().isBlank());
    }
  }

  @Property(tries = 200)
  void anyParameterTextIsReadOrRejectedAsInvalid(@ForAll("parameters") String value) {
    for (Runnable read : List.<Runnable>of(
        () -> DateBounds.from(value), () -> DateBounds.to(value), () -> SortOrder.fromParam(value), () -> QuerySyntax.fromParam(value))) {
      try {
        read.run();
      } catch (InvalidRequestException e) {
        assertFalse(e.getMessage().isBlank());
      }
    }
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> syntax = Arbitraries.strings()
        .withChars("abcnvidachips \"\"()*?~^:/[]{}|&!+-\\<>=0123456789,.#@'")
        .ofMaxLength(60);
    Arbitrary<String> tokens = Arbitraries.of(
            "nvidia", "chips", "AND", "OR", "NOT", "TO", "\"", "(", ")", "*", "?", "~", "~2", "^3", "title:", "entity:",
            "text:", "/[a-z]+/", "/a{1,1000}/", "[a TO z]", "{1 TO 2]", "-", "+", "|", "\\", "中国", "😀", "\u0000", "&&", "||")
        .list().ofMaxSize(15)
        .map(parts -> String.join(" ", parts));
    Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(80);
    Arbitrary<String> long_ = Arbitraries.strings().withChars("ab |*").ofMinLength(500).ofMaxLength(3_000);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, syntax), net.jqwik.api.Tuple.of(4, tokens),
        net.jqwik.api.Tuple.of(3, anything), net.jqwik.api.Tuple.of(1, long_));
  }

  @Provide
  Arbitrary<List<String>> values() {
    return Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(40),
            Arbitraries.of("ai", "chips", "Nvidia", "China", "", " ", "\u0000"))
        .list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> parameters() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings().withChars("0123456789-+ TZ:.").ofMaxLength(14),
        Arbitraries.of("2025-02-29", "2024-02-29", "0000", "9999-12-31", "-2025-01-01", "+2025", "date", "-date", "lucene"));
  }

  /** Many filter values expand past the clause limit: a clear rejection, not a server error. */
  @net.jqwik.api.Example
  void thousandsOfFilterValuesAreRejectedAsInvalid() throws IOException {
    List<String> many = IntStream.range(0, 2_000).mapToObj(i -> "entity-" + i).toList();
    try {
      searcher.search(new SearchRequest("", QuerySyntax.SIMPLE, List.of(), many, null, null, SortOrder.NEWEST, 1, 10));
      throw new AssertionError("2,000 entity values were accepted");
    } catch (InvalidRequestException e) {
      assertTrue(e.code().equals("query_too_complex"), e.code());
    }
  }
}
