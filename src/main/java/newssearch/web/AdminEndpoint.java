package newssearch.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import newssearch.index.BuildLock;
import newssearch.search.SearchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/admin/reindex}: builds and publishes a new generation, then serves it before
 * answering. One at a time; the served index is untouched when a reindex fails.
 */
final class AdminEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);

  private final SearchEngine searcher;
  private final AdminAccess access;
  private final Reindexer reindexer;
  private final ReentrantLock running = new ReentrantLock();

  /** @param reindexer null when this server cannot reindex */
  AdminEndpoint(SearchEngine searcher, AdminAccess access, Reindexer reindexer) {
    this.searcher = searcher;
    this.access = access;
    this.reindexer = reindexer;
  }

  void reindex(Context ctx) throws Exception {
    // The socket's address, never a forwarding header a caller could write.
    var refusal = access.refusal(new AdminAccess.Caller(InetAddress.getByName(ctx.req().getRemoteAddr()), ctx.scheme(),
        ctx.header("Authorization"), ctx.header("Host"), ctx.header("Origin"), ctx.header("Sec-Fetch-Site"),
        ctx.header("Referer")));
    if (refusal.isPresent()) {
      WebServer.error(ctx, HttpStatus.FORBIDDEN, "forbidden", refusal.get());
    } else if (reindexer == null) {
      WebServer.error(ctx, HttpStatus.NOT_FOUND, "not_found", "reindexing is not enabled on this server");
    } else if (!running.tryLock()) {
      WebServer.error(ctx, HttpStatus.CONFLICT, "reindex_running", "a reindex is already running; try again when it is done");
    } else {
      try {
        run(ctx);
      } finally {
        running.unlock();
      }
    }
  }

  private void run(Context ctx) throws Exception {
    long start = System.nanoTime();
    Reindexer.Result result;
    try {
      result = reindexer.reindex();
    } catch (Exception e) {
      if (busy(e)) {
        LOG.warn("reindex refused: {}", e.getMessage());
        WebServer.error(ctx, HttpStatus.CONFLICT, "reindex_running",
            "another indexing run is using the index; try again when it is done");
        return;
      }
      // The exception names files and classes of this machine: the log has it, the caller a short answer.
      LOG.warn("reindex failed; still serving {}", searcher.indexVersion(), e);
      WebServer.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "reindex_failed",
          "the reindex failed; the served index is unchanged (the server log has the details)");
      return;
    }
    searcher.refresh();
    // A run that could not read a folder still publishes; the answer says it is incomplete.
    ctx.json(Map.of(
        "status", "ok",
        "articles", result.articles(),
        "unreadable_folders", result.unreadableFolders(),
        "complete", result.unreadableFolders() == 0,
        "documents", searcher.documentCount(),
        "index_version", searcher.indexVersion(),
        "took_ms", (System.nanoTime() - start) / 1_000_000));
  }

  /** True when another indexing run (the {@code index} command, say) holds the index folder. */
  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BuildLock.IndexBusyException) {
        return true;
      }
    }
    return false;
  }
}
