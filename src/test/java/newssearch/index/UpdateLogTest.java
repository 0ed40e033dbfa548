package newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log of live updates: numbered, forced to disk, and compacted to the last entry of each id. */
class UpdateLogTest {
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private static UpdateLog.Op add(String id, String word) {
    return UpdateLog.Op.add(LiveIndexTest.article(id, word));
  }

  @Test
  void compactionKeepsTheLastEntryOfEachIdWithItsNumber(@TempDir Path dir) throws Exception {
    try (UpdateLog log = UpdateLog.openForAppend(dir)) {
      log.append(List.of(add("a", "first"), add("b", "only")), AT);
      log.append(List.of(add("a", "second"), UpdateLog.Op.delete("c")), AT);
      log.append(List.of(add("a", "third")), AT);
      assertEquals(5, log.size());

      log.compact();

      assertEquals(3, log.size());
      List<UpdateLog.Entry> kept = UpdateLog.readAfter(dir, Long.MIN_VALUE);
      assertEquals(List.of(2L, 4L, 5L), kept.stream().map(UpdateLog.Entry::seq).toList());
      assertEquals(List.of("b", "c", "a"), kept.stream().map(UpdateLog.Entry::id).toList());
      assertEquals("third headline", kept.get(2).article().title());
      assertNull(kept.get(1).article(), "a delete is kept: it must apply again after a rebuild from the corpus");

      // Appending goes on after the compacted entries, numbered on from the last number.
      log.append(List.of(add("d", "fourth")), AT);
      assertEquals(List.of(2L, 4L, 5L, 6L), UpdateLog.readAfter(dir, Long.MIN_VALUE).stream().map(UpdateLog.Entry::seq).toList());
      assertEquals(List.of(6L), UpdateLog.readAfter(dir, 5).stream().map(UpdateLog.Entry::seq).toList());
    }
    assertFalse(Files.exists(dir.resolve(UpdateLog.FILE + ".compacting")));
    try (UpdateLog reopened = UpdateLog.openForAppend(dir)) {
      assertEquals(6, reopened.lastSeq());
      assertEquals(4, reopened.size());
    }
  }

  @Test
  void compactsOnlyOnceTheLogHasGrownEnough(@TempDir Path dir) throws Exception {
    try (UpdateLog log = UpdateLog.openForAppend(dir)) {
      List<UpdateLog.Op> ops = new ArrayList<>();
      for (int i = 0; i < UpdateLog.COMPACT_FROM - 1; i++) {
        ops.add(UpdateLog.Op.delete("same"));
      }
      log.append(ops, AT);
      assertFalse(log.compactIfWorthIt(), "a short log is not worth rewriting");
      log.append(List.of(UpdateLog.Op.delete("same")), AT);
      assertTrue(log.compactIfWorthIt());
      assertEquals(1, log.size());
      assertEquals(List.of(UpdateLog.COMPACT_FROM), UpdateLog.readAfter(dir, 0).stream().map(UpdateLog.Entry::seq).toList());
    }
  }
}
