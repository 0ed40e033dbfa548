package newssearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import newssearch.config.ConfigException;
import newssearch.config.Directive;
import newssearch.config.DirectiveFile;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;

/**
 * Builds a Lucene {@link CustomAnalyzer} from a file of {@code index-config/}, so the analysis
 * chain can be changed without touching Java. Each line names a factory by its Lucene SPI name,
 * followed by its {@code key=value} parameters:
 *
 * <pre>
 * charfilter htmlStrip
 * tokenizer  standard
 * filter     stop ignoreCase=true words=stopwords.txt
 * </pre>
 *
 * Resource files named in parameters are resolved against the file's folder.
 */
public final class AnalyzerSpec {
  private AnalyzerSpec() {}

  public static Analyzer load(Path file) {
    CustomAnalyzer.Builder builder = CustomAnalyzer.builder(file.toAbsolutePath().getParent());
    boolean hasTokenizer = false;
    for (Directive d : DirectiveFile.read(file)) {
      String[] words = d.value().split("\\s+");
      String name = words[0];
      Map<String, String> params = params(d, words);
      try {
        switch (d.key()) {
          case "charfilter" -> builder.addCharFilter(name, params);
          case "tokenizer" -> {
            if (hasTokenizer) {
              throw d.error("only one tokenizer is allowed");
            }
            builder.withTokenizer(name, params);
            hasTokenizer = true;
          }
          case "filter" -> builder.addTokenFilter(name, params);
          default -> throw d.error("unknown directive '" + d.key() + "' (expected charfilter, tokenizer or filter)");
        }
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw d.error(e.getMessage());
      } catch (IOException e) {
        throw d.error("cannot read a resource of '" + name + "': " + e.getMessage());
      } catch (UncheckedIOException e) {
        throw d.error("cannot read a resource of '" + name + "': " + e.getCause().getMessage());
      }
    }
    if (!hasTokenizer) {
      throw new ConfigException(file, 0, "no tokenizer line");
    }
    return builder.build();
  }

  private static Map<String, String> params(Directive d, String[] words) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq <= 0) {
        throw d.error("parameter '" + words[i] + "' is not of the form key=value");
      }
      params.put(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    return params;
  }
}
