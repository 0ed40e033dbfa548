package newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.index.IndexStore;
import newssearch.index.LiveIndex;
import newssearch.index.LiveRules;
import newssearch.index.Schema;
import newssearch.index.UpdateLog;
import newssearch.ingest.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh serves a new snapshot without mapping its facet values first (the costly part of a
 * refresh besides Lucene's own flush): an article look-up does not need them, and the first search
 * that does builds them once, with counts of the snapshot's own reader.
 */
class IndexSnapshotTest {

  @Test
  void theFacetStateIsBuiltOnFirstUseOnceAndCountsTheSnapshotsOwnArticles(@TempDir Path dir) throws Exception {
    IndexStore store = TestCorpus.index(dir, TestCorpus.seedCorpus());
    var analyzer = Schema.analyzer(TestCorpus.config().analysis().query());
    try (LiveIndex live = LiveIndex.open(store, TestCorpus.config().analysis().index(), TestCorpus.config().enricher(),
        LiveRules.DEFAULT)) {
      live.apply(List.of(UpdateLog.Op.add(new Article("fs-1", "Bandicoot headline", "metadata",
          "A story about bandicoots.", null, "Facet Wire", "", List.of(), "test"))));
      live.refresh();
      LiveIndex.Reader r = live.acquire();
      IndexSnapshot s = IndexSnapshot.adopt(r.generation(), r.reader(), analyzer, null);
      try {
        assertFalse(s.hasFacetState(), "not built by the refresh");
        var state = s.facetState();
        assertSame(state, s.facetState(), "built once");
        assertTrue(s.hasFacetState());
        var counts = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(state);
        assertEquals(1, counts.getSpecificValue(Schema.SOURCE, "Facet Wire").intValue());
      } finally {
        s.release();
      }
    }
  }
}
