package newssearch.cli;

import newssearch.config.ConfigException;
import newssearch.index.BuildLock;
import picocli.CommandLine;

/** Turns what a command throws into one line on stderr and an exit status, never a stack trace. */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  static final int CONFIG_ERROR = 2;
  static final int FAILED = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof ConfigException config) {
      cli.getErr().println("news-search: configuration error: " + config.getMessage());
      return CONFIG_ERROR;
    }
    if (e instanceof UserError || e instanceof BuildLock.IndexBusyException) {
      cli.getErr().println("news-search: " + e.getMessage());
      return FAILED;
    }
    cli.getErr().println("news-search: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    if (System.getenv("NEWS_SEARCH_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    }
    return FAILED;
  }

  /** A failure the user can act on, said in their terms. */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message);
    }
  }
}
