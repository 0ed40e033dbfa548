package newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import newssearch.TestCorpus;
import newssearch.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code live.conf}: the shipped file, defaults without one, and a bad value named by file and line. */
class LiveRulesTest {
  @Test
  void theShippedFileHoldsTheDefaults() {
    assertEquals(LiveRules.DEFAULT, LiveRules.load(TestCorpus.configDir()));
    assertTrue(LiveRules.DEFAULT.refreshIntervalMillis() <= 1000, "updates are searchable within a second");
  }

  @Test
  void aMissingFileMeansDefaultsAndABadValueStopsWithFileAndLine(@TempDir Path dir) throws Exception {
    assertEquals(LiveRules.DEFAULT, LiveRules.load(dir));
    Files.writeString(dir.resolve(LiveRules.FILE), "# comment\nrefresh-interval-ms 250\nmax-post-records 0\n");
    ConfigException e = assertThrows(ConfigException.class, () -> LiveRules.load(dir));
    assertTrue(e.getMessage().contains("live.conf") && e.getMessage().contains(":3"), e.getMessage());
    Files.writeString(dir.resolve(LiveRules.FILE), "refresh-interval-ms 250\nrefresh-every 5\n");
    assertTrue(assertThrows(ConfigException.class, () -> LiveRules.load(dir)).getMessage().contains("unknown directive"));
    Files.writeString(dir.resolve(LiveRules.FILE), "refresh-interval-ms 250\n");
    assertEquals(250, LiveRules.load(dir).refreshIntervalMillis());
  }

  @Test
  void postsAreEnrichedOnFewerThreadsThanCoresUnlessTheFileSaysOtherwise(@TempDir Path dir) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(Math.max(1, cores / 2), LiveRules.DEFAULT.enrichThreads());
    Files.writeString(dir.resolve(LiveRules.FILE), "enrich-threads 3\n");
    assertEquals(3, LiveRules.load(dir).enrichThreads());
    Files.writeString(dir.resolve(LiveRules.FILE), "enrich-threads 0\n");
    assertTrue(assertThrows(ConfigException.class, () -> LiveRules.load(dir)).getMessage().contains("between 1 and"));
  }
}
