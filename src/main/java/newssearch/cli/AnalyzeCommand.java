package newssearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import newssearch.analysis.Analysis;
import newssearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code news-search analyze --field text TEXT}: prints the tokens the index (or, with
 * {@code --query}, a query) makes of a text, as JSON: what to compare with another engine's analysis.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Print the tokens a field's analysis makes of a text, as JSON [{text, start, end, position}]"
        + " (positions count from 1, offsets are in UTF-16 units).")
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin Locations locations;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--field", defaultValue = Schema.TEXT, description = "field whose analysis to apply (default: ${DEFAULT-VALUE})")
  String field;

  @Option(names = "--query", description = "use the query-time analysis (synonyms) instead of the index-time one")
  boolean query;

  @Parameters(paramLabel = "TEXT", arity = "1..*", description = "the texts to analyse; one line of JSON is printed for each")
  List<String> texts;

  @Override
  public Integer call() throws Exception {
    Analysis analysis = Analysis.load(locations.configDir());
    Analyzer analyzer = Schema.analyzer(query ? analysis.query() : analysis.index());
    for (String text : texts) {
      spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(tokens(analyzer, text)));
    }
    return 0;
  }

  private List<Map<String, Object>> tokens(Analyzer analyzer, String text) throws java.io.IOException {
    List<Map<String, Object>> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = 0;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("text", term.toString());
        token.put("start", offset.startOffset());
        token.put("end", offset.endOffset());
        token.put("position", position);
        tokens.add(token);
      }
      stream.end();
    }
    return tokens;
  }
}
