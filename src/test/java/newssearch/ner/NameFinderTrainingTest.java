package newssearch.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import newssearch.TestCorpus;
import org.junit.jupiter.api.Test;

/** What the name finder is trained on and with which features. */
class NameFinderTrainingTest {
  private static List<TaggedDocument> file(String name, int sentences) {
    List<TaggedSentence> list = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      list.add(new TaggedSentence(List.of(name + i), List.of()));
    }
    return List.of(new TaggedDocument(name, list));
  }

  @Test
  void aLimitDrawsFromEveryFileInProportion() {
    List<TaggedDocument> kept = NameFinderTraining.proportional(List.of(file("a", 300), file("b", 100)), 40);
    assertEquals(2, kept.size());
    assertEquals(30, kept.get(0).sentences().size());
    assertEquals(10, kept.get(1).sentences().size());
    assertEquals(List.of("a0"), kept.get(0).sentences().get(0).tokens(), "the first sentences of each file");
  }

  /** The committed model was trained with the committed feature descriptor (train-entities' default). */
  @Test
  void committedModelUsesTheCommittedFeatures() throws IOException {
    byte[] descriptor = Files.readAllBytes(TestCorpus.home().resolve("ner/name-features.xml"));
    assertArrayEquals(descriptor, entry(TestCorpus.configDir().resolve("entity-model.bin"), "generator.featuregen"));
  }

  private static byte[] entry(Path zip, String name) throws IOException {
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          z.transferTo(out);
          return out.toByteArray();
        }
      }
    }
    throw new AssertionError(name + " is not in " + zip);
  }
}
