package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FolderTopicsTest {

  @Test
  void offByDefault() {
    Map<String, Article> byId = IngestFixtures.byId(IngestFixtures.read(new IngestReport(), false, IngestFixtures.dir("mixed")));
    assertEquals(List.of(), byId.get("world-flood").topics());
    assertEquals(List.of("optics"), byId.get("science-items-1").topics());
  }

  @Test
  void eachArticleGetsTheFolderItStandsIn() {
    Map<String, Article> byId = IngestFixtures.byId(IngestFixtures.read(new IngestReport(), true, IngestFixtures.dir("mixed")));
    assertEquals(3, byId.size());
    assertEquals(List.of("world"), byId.get("world-flood").topics());
    assertEquals(List.of("science"), byId.get("science-comet").topics());
    // Topics the record gives are kept; the folder's is added.
    assertEquals(List.of("optics", "science"), byId.get("science-items-1").topics());
  }

  @Test
  void aFolderGivenItselfStillNamesItsFiles() {
    Map<String, Article> byId = IngestFixtures.byId(
        IngestFixtures.read(new IngestReport(), true, IngestFixtures.dir("mixed").resolve("world")));
    assertEquals(List.of("world"), byId.get("flood").topics());
  }

  @Test
  void aFileGivenByItselfGetsNoFolderTopic() {
    Map<String, Article> byId = IngestFixtures.byId(
        IngestFixtures.read(new IngestReport(), true, IngestFixtures.dir("mixed").resolve("world/flood.txt")));
    assertEquals(List.of(), byId.get("flood").topics());
  }
}
