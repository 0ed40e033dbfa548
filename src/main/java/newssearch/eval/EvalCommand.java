package newssearch.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import newssearch.index.IndexConfig;
import newssearch.ingest.IngestReport;
import newssearch.search.QuerySyntax;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code news-search eval}: indexes a judged collection into a temporary folder, runs every topic
 * as typed and prints trec_eval's measures, plus how many topics found nothing or were refused.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate search quality on a judged collection: index the documents into a temporary folder, "
        + "run every topic as typed and print MAP, nDCG@10, P@10 and Recall@100 (trec_eval's definitions).")
public final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--docs", required = true, paramLabel = "FILE",
      description = "the documents (any corpus format; JSON Lines with id, title, text for the usual collections)")
  Path docs;

  @Option(names = "--topics", required = true, paramLabel = "FILE", description = "topics: id TAB query, one a line")
  Path topics;

  @Option(names = "--qrels", required = true, paramLabel = "FILE", description = "judgments, TREC format: qid 0 docid grade")
  Path qrels;

  @Option(names = "--syntax", defaultValue = "simple", paramLabel = "simple|lucene",
      description = "how the topics are read (default: ${DEFAULT-VALUE})")
  String syntax;

  @Option(names = "--run", paramLabel = "FILE", description = "also write the ranking as a TREC run file (for trec_eval)")
  Path run;

  @Option(names = "--config", paramLabel = "DIR", description = "index-config folder (default: <home>/index-config)")
  Path config;

  @Option(names = "--per-topic", description = "also print each topic's average precision and hit count")
  boolean perTopic;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    QuerySyntax querySyntax = switch (syntax.toLowerCase(Locale.ROOT)) {
      case "simple" -> QuerySyntax.SIMPLE;
      case "lucene" -> QuerySyntax.LUCENE;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--syntax must be simple or lucene, not " + syntax);
    };
    Judgments judgments = Judgments.read(topics, qrels);
    IndexConfig indexConfig = IndexConfig.load(config != null ? config : home().resolve("index-config"));
    Path dir = Files.createTempDirectory("news-search-eval");
    Evaluation.Result result;
    try {
      IngestReport report = new IngestReport(message -> err.println("warning: " + message));
      result = Evaluation.run(indexConfig, List.of(docs), judgments, querySyntax, dir.resolve("index"), report);
    } finally {
      deleteTree(dir);
    }
    if (run != null) {
      writeRun(result, run);
    }
    if (perTopic) {
      for (Evaluation.TopicRun t : result.runs()) {
        out.printf(Locale.ROOT, "map %-6s %.4f %5d%s  %s%n", t.topic(),
            Metrics.averagePrecision(t.ranked(), judgments.judged(t.topic())), t.ranked().size(),
            t.refused() ? " refused" : "", abbreviated(t.query()));
      }
    }
    print(out, docs.toString(), result.scores());
    return 0;
  }

  /** The table of one evaluation, named after trec_eval's measures. */
  static void print(PrintWriter out, String name, Evaluation.Scores s) {
    out.printf(Locale.ROOT, "collection            %s%n", name);
    out.printf(Locale.ROOT, "topics (judged)       %d%n", s.topics());
    out.printf(Locale.ROOT, "map                   %.4f%n", s.map());
    out.printf(Locale.ROOT, "ndcg_cut_10           %.4f%n", s.ndcg10());
    out.printf(Locale.ROOT, "P_10                  %.4f%n", s.p10());
    out.printf(Locale.ROOT, "recall_100            %.4f%n", s.recall100());
    out.printf(Locale.ROOT, "zero-hit topics       %d (of which an OR of the words finds a relevant document: %d)%n",
        s.zeroHit(), s.zeroHitOrFindsRelevant());
    out.printf(Locale.ROOT, "refused topics        %d%n", s.refused());
    out.flush();
  }

  private static void writeRun(Evaluation.Result result, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Evaluation.TopicRun t : result.runs()) {
        for (int i = 0; i < t.ranked().size(); i++) {
          // Scores strictly decrease with rank, so trec_eval keeps our order when scores tie.
          w.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f news-search%n", t.topic(), t.ranked().get(i), i + 1,
              (double) t.ranked().size() - i));
        }
      }
    }
  }

  private static String abbreviated(String s) {
    return s.length() <= 70 ? s : s.substring(0, 67) + "...";
  }

  private static Path home() {
    String home = System.getProperty("news.home");
    return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
