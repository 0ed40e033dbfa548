package newssearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.config.ConfigException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {
  private final Analyzer index = Analysis.load(TestCorpus.configDir()).index();

  static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms;
  }

  @Test
  void possessivesSuperscriptsAccentsAndPluralsAreNormalised() throws IOException {
    assertEquals(List.of("china"), terms(index, "China’s"));
    assertEquals(List.of("china"), terms(index, "China's"));
    assertEquals(List.of("ai2", "robot"), terms(index, "AI² Robotics"));
    assertEquals(List.of("chip"), terms(index, "chips"));
    assertEquals(List.of("bayern", "munchen"), terms(index, "Bayern München"));
  }

  @Test
  void stopWordsAreDropped() throws IOException {
    assertEquals(List.of("futur", "ai"), terms(index, "the future of AI"));
  }

  @Test
  void anUnknownFactoryStopsStartupWithFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(Analysis.INDEX_FILE), "tokenizer standard\nfilter lowercase\nfilter noSuchFilter\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Analysis.load(dir));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains(Analysis.INDEX_FILE + ":3"), e.getMessage());
  }

  @Test
  void aChainWithoutTokenizerIsRejected(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(Analysis.INDEX_FILE), "filter lowercase\n");
    assertThrows(ConfigException.class, () -> Analysis.load(dir));
  }
}
