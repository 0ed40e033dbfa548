package newssearch.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code news-search} command. */
@Command(
    name = "news-search",
    mixinStandardHelpOptions = true,
    version = "news-search 0.1.0",
    description = "Full-text search for news corpora. With no command: serve the bundled corpus.",
    subcommands = {ServeCommand.class, IndexCommand.class, AddCommand.class, newssearch.bench.BenchCommand.class,
        TrainEntitiesCommand.class, EvalEntitiesCommand.class, newssearch.eval.EvalCommand.class,
        SolrConfigCommand.class, SolrCreateCommand.class, AnalyzeCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  // Lucene reports its vector and native-access setup through java.util.logging at INFO. The
  // references are kept so that the levels are not lost when the loggers are collected.
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");
  // The launcher does not add the incubating vector module (the JVM would warn about it on every
  // run, and text search gains little from it), so Lucene's advice to add it is not for users.
  private static final java.util.logging.Logger VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
    VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit status. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs a command line with the given output streams; tests read what a user would see. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    return cli.execute(args.length == 0 ? new String[] {"serve"} : args);
  }
}
