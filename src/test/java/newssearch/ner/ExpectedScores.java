package newssearch.ner;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import newssearch.TestCorpus;

/**
 * The committed expected quality scores ({@code src/test/resources/ner/expected-scores.properties}),
 * measured with the evaluation commands; a test fails when a score drops more than {@link #TOLERANCE}
 * below its expectation.
 */
public final class ExpectedScores {
  public static final double TOLERANCE = 0.01;
  private static final Path FILE = TestCorpus.home().resolve("src/test/resources/ner/expected-scores.properties");
  private static Properties scores;

  private ExpectedScores() {}

  public static synchronized double get(String key) {
    if (scores == null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      scores = p;
    }
    String value = scores.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(FILE + " has no " + key);
    }
    return Double.parseDouble(value);
  }

  /** The floor a measured score must reach: the expectation less the tolerance. */
  public static double floor(String key) {
    return get(key) - TOLERANCE;
  }
}
