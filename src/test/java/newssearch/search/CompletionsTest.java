package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import newssearch.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completions survive hostile titles, and are built once per index generation, failed or not. */
class CompletionsTest {
  @TempDir Path dir;

  @Test
  void aTitleBeyondLucenesTermLimitIsShortenedAndEverythingElseStillCompletes(@TempDir Path corpus) throws IOException {
    String huge = "Okapiquill " + "marshland ".repeat(4_000);
    assertTrue(huge.getBytes(StandardCharsets.UTF_8).length > 32_766, "longer than one Lucene term may be");
    // A record names its title outright, so the title reaches the index whole.
    Files.writeString(corpus.resolve("records.jsonl"),
        "{\"id\": \"huge\", \"title\": \"" + huge.strip() + "\", \"text\": \"An article with an absurd title.\"}\n"
            + "{\"id\": \"plain\", \"title\": \"Quollberry harvest begins\", \"text\": \"A short article.\"}\n");

    try (ArticleSearcher searcher = TestCorpus.searcher(dir, corpus)) {
      assertEquals(huge.strip(), searcher.article("huge").orElseThrow().title(), "indexed whole");
      List<Completion> okapi = searcher.complete("okapiq", 5);
      assertEquals(1, okapi.size(), okapi.toString());
      assertTrue(okapi.get(0).text().startsWith("Okapiquill marshland"));
      assertTrue(okapi.get(0).text().length() <= Completions.MAX_CHARS, "shortened: " + okapi.get(0).text().length());
      assertTrue(okapi.get(0).text().endsWith("…"));
      assertEquals("huge", okapi.get(0).id());
      assertEquals("Quollberry harvest begins", searcher.complete("quollb", 5).get(0).text());
    }
  }

  @Test
  void shorteningCutsAtAWordAndKeepsShortTextAsItIs() {
    assertEquals("Jensen Huang", Completions.shortened("Jensen Huang"));
    String cut = Completions.shortened("word ".repeat(100));
    assertTrue(cut.length() <= Completions.MAX_CHARS);
    assertTrue(cut.endsWith("word…"), cut);
    String emoji = Completions.shortened("😀".repeat(150));
    assertFalse(Character.isHighSurrogate(emoji.charAt(emoji.length() - 2)), "no half of a surrogate pair");
  }

  @Test
  void aFailedBuildIsRememberedForTheGenerationAndAnswersNothing() throws IOException {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    IndexSnapshot snapshot = IndexSnapshot.open(store.current().orElseThrow(), Schema.analyzer(
        TestCorpus.config().analysis().query()));
    AtomicInteger builds = new AtomicInteger();
    IndexSnapshot.CompletionsBuild failing = (reader, entities) -> {
      builds.incrementAndGet();
      throw new IllegalArgumentException("Document contains at least one immense term");
    };
    try {
      Completions first = snapshot.completions(failing);
      Completions second = snapshot.completions(failing);
      assertEquals(1, builds.get(), "built once, not once per request");
      assertSame(first, second);
      assertEquals(List.of(), first.complete("nvidia", 5), "no suggestions rather than an error");
      assertEquals(List.of(), snapshot.completions().complete("nvidia", 5), "the ordinary build is not tried again");
    } finally {
      snapshot.release();
    }
  }

  @Test
  void aSuccessfulBuildIsMadeOncePerGeneration() throws IOException {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    IndexSnapshot snapshot = IndexSnapshot.open(store.current().orElseThrow(), Schema.analyzer(
        TestCorpus.config().analysis().query()));
    AtomicInteger builds = new AtomicInteger();
    IndexSnapshot.CompletionsBuild counting = (reader, entities) -> {
      builds.incrementAndGet();
      return Completions.build(reader, entities);
    };
    try {
      for (int i = 0; i < 3; i++) {
        assertFalse(snapshot.completions(counting).complete("nvi", 5).isEmpty());
      }
      assertEquals(1, builds.get());
    } finally {
      snapshot.release();
    }
  }

  @Test
  void aPrefixLongerThanAQueryIsRefusedLikeASearch() throws IOException {
    try (ArticleSearcher searcher = TestCorpus.searcher(dir, TestCorpus.seedCorpus())) {
      String words = String.join(" ", java.util.stream.IntStream.range(0, 1_100).mapToObj(i -> "w" + i).toList());
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> searcher.complete(words, 5));
      assertEquals("query_too_long", e.code());
      InvalidRequestException search = assertThrows(InvalidRequestException.class,
          () -> searcher.search(SearchRequest.of(words)));
      assertEquals(search.code(), e.code(), "the same answer as a search");
    }
  }

  @Test
  void whileANewSnapshotBuildsItsCompletionsThePreviousOnesAnswer() throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    var analyzer = Schema.analyzer(TestCorpus.config().analysis().query());
    IndexSnapshot previous = IndexSnapshot.open(store.current().orElseThrow(), analyzer);
    assertFalse(previous.completions().complete("nvi", 5).isEmpty());
    var directory = org.apache.lucene.store.FSDirectory.open(store.current().orElseThrow());
    IndexSnapshot next = IndexSnapshot.adopt(store.current().orElseThrow(),
        org.apache.lucene.index.DirectoryReader.open(directory), analyzer, previous);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    IndexSnapshot.CompletionsBuild slow = (reader, entities) -> {
      started.countDown();
      try {
        finish.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Completions.build(reader, entities);
    };
    Thread builder = new Thread(() -> next.completions(slow));
    builder.start();
    try {
      assertTrue(started.await(30, java.util.concurrent.TimeUnit.SECONDS));
      List<Completion> meanwhile = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(10), () -> next.complete("nvi", 5), "a build under way does not block suggestions");
      assertFalse(meanwhile.isEmpty(), "the previous snapshot's completions answer");
    } finally {
      finish.countDown();
      builder.join();
      next.release();
      previous.release();
      directory.close();
    }
  }

  private static newssearch.ingest.Article article(String id, String title) {
    return new newssearch.ingest.Article(id, title, "metadata", "A story about " + title + ".", null, "", "", List.of(),
        "test");
  }

  private static List<String> titleIds(IndexSnapshot s, String prefix) throws IOException {
    return s.completions().complete(prefix, 10).stream().filter(c -> c.kind().equals(Completion.TITLE))
        .map(Completion::id).sorted().toList();
  }

  private static java.util.Set<Object> coreKeys(IndexSnapshot s) {
    java.util.Set<Object> keys = new java.util.HashSet<>();
    s.reader.leaves().forEach(l -> keys.add(l.reader().getCoreCacheHelper().getKey()));
    return keys;
  }

  @Test
  void aRefreshIndexesTheTitlesOfItsNewSegmentsOnlyAndEachSnapshotKeepsItsOwnDeletions() throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    var analyzer = Schema.analyzer(TestCorpus.config().analysis().query());
    SegmentTitles.Cache cache = new SegmentTitles.Cache();
    try (newssearch.index.LiveIndex live = newssearch.index.LiveIndex.open(store,
        TestCorpus.config().analysis().index(), TestCorpus.config().enricher(), newssearch.index.LiveRules.DEFAULT)) {
      newssearch.index.LiveIndex.Reader r = live.acquire();
      IndexSnapshot first = IndexSnapshot.adopt(r.generation(), r.reader(), analyzer, null, cache);
      assertFalse(first.completions().complete("nvi", 5).isEmpty());
      assertEquals(first.reader.leaves().size(), cache.builds(), "each segment once");

      live.apply(List.of(newssearch.index.UpdateLog.Op.add(article("z1", "Zorblax harvest begins")),
          newssearch.index.UpdateLog.Op.add(article("z2", "Zorblax festival opens"))));
      live.refresh();
      r = live.acquire();
      IndexSnapshot second = IndexSnapshot.adopt(r.generation(), r.reader(), analyzer, first, cache);
      assertEquals(List.of("z1", "z2"), titleIds(second, "zorbl"));
      int builtBefore = cache.builds();

      live.apply(List.of(newssearch.index.UpdateLog.Op.delete("z1"),
          newssearch.index.UpdateLog.Op.add(article("z3", "Zorblax parade ends"))));
      live.refresh();
      r = live.acquire();
      IndexSnapshot third = IndexSnapshot.adopt(r.generation(), r.reader(), analyzer, second, cache);
      try {
        assertEquals(List.of("z2", "z3"), titleIds(third, "zorbl"), "the deleted article's title is gone");
        assertEquals(List.of("z1", "z2"), titleIds(second, "zorbl"), "the older snapshot still has it");
        assertFalse(third.completions().complete("nvi", 5).isEmpty(), "older segments still complete");
        java.util.Set<Object> fresh = coreKeys(third);
        fresh.removeAll(coreKeys(second));
        assertTrue(fresh.size() < third.reader.leaves().size(), "the refresh kept segments");
        assertEquals(fresh.size(), cache.builds() - builtBefore, "only the new segments were indexed");
      } finally {
        third.release();
        second.release();
        first.release();
      }
    }
    assertEquals(0, cache.size(), "closed with their segments once no reader holds them");
  }

  @Test
  void titlesOfDeletedArticlesNeverCrowdOutTheLiveOnes() throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    var analyzer = Schema.analyzer(TestCorpus.config().analysis().query());
    try (newssearch.index.LiveIndex live = newssearch.index.LiveIndex.open(store,
        TestCorpus.config().analysis().index(), TestCorpus.config().enricher(), newssearch.index.LiveRules.DEFAULT)) {
      List<newssearch.index.UpdateLog.Op> adds = new java.util.ArrayList<>();
      List<newssearch.index.UpdateLog.Op> deletes = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        adds.add(newssearch.index.UpdateLog.Op.add(article("q" + (100 + i), "Quibblex report number " + i)));
        if (i < 37) {
          deletes.add(newssearch.index.UpdateLog.Op.delete("q" + (100 + i)));
        }
      }
      live.apply(adds);
      live.refresh();
      live.apply(deletes);
      live.refresh();
      newssearch.index.LiveIndex.Reader r = live.acquire();
      IndexSnapshot s = IndexSnapshot.adopt(r.generation(), r.reader(), analyzer, null, new SegmentTitles.Cache());
      try {
        // The 37 deleted titles come first in their segment: more than twice what is asked for.
        assertEquals(List.of("q137", "q138", "q139"), titleIds(s, "quibblex"));
      } finally {
        s.release();
      }
    }
  }

  @Test
  void titlesAndIdsAreReadFromDocValues() throws Exception {
    try (org.apache.lucene.store.Directory d = new org.apache.lucene.store.ByteBuffersDirectory();
        org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d,
            new org.apache.lucene.index.IndexWriterConfig())) {
      String[][] articles = {{"a1", "Zorblax harvest begins"}, {"a2", "Zorblax festival opens"}};
      for (String[] a : articles) {
        // Doc values only, nothing stored: completions must not need the stored fields.
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new org.apache.lucene.document.SortedDocValuesField(Schema.ID, new org.apache.lucene.util.BytesRef(a[0])));
        doc.add(new org.apache.lucene.document.BinaryDocValuesField(Schema.TITLE_VALUE, new org.apache.lucene.util.BytesRef(a[1])));
        w.addDocument(doc);
      }
      w.commit();
      try (org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(d);
          SegmentTitles titles = SegmentTitles.build(r.leaves().get(0).reader())) {
        List<Completion> out = new java.util.ArrayList<>();
        titles.complete("zorbl", null, 5, out, new java.util.HashSet<>());
        assertEquals(List.of("Zorblax harvest begins/a1", "Zorblax festival opens/a2"),
            out.stream().map(c -> c.text() + "/" + c.id()).toList());
      }
    }
  }
}
