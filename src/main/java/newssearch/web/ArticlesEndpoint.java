package newssearch.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.index.LiveIndex;
import newssearch.index.UpdateLog;
import newssearch.ingest.Article;
import newssearch.ingest.PostedArticles;

/**
 * {@code POST /api/articles} and {@code DELETE /api/articles/{id}}: live updates of the served
 * index, admitted like the admin endpoint ({@link AdminAccess}). An update is answered once it is
 * on disk (see {@link LiveIndex#apply}) and is searchable after the next refresh.
 */
final class ArticlesEndpoint {
  private final LiveIndex live;
  private final PostedArticles parser;
  private final AdminAccess access;

  /** @param live null when this server takes no updates */
  ArticlesEndpoint(LiveIndex live, PostedArticles parser, AdminAccess access) {
    this.live = live;
    this.parser = parser;
    this.access = access;
  }

  void post(Context ctx) throws Exception {
    if (!admitted(ctx)) {
      return;
    }
    long max = live.rules().maxPostBytes();
    if (ctx.req().getContentLengthLong() > max) {
      tooLarge(ctx, max);
      return;
    }
    byte[] body = readAtMost(ctx.req().getInputStream(), max);
    if (body == null) {
      tooLarge(ctx, max);
      return;
    }
    PostedArticles.Parsed parsed;
    try {
      parsed = parser.parse(new String(body, StandardCharsets.UTF_8), live.rules().maxPostRecords());
    } catch (PostedArticles.BadBody e) {
      WebServer.error(ctx, HttpStatus.BAD_REQUEST, "bad_body", e.getMessage());
      return;
    }
    List<Map<String, Object>> failed = new ArrayList<>();
    parsed.failed().forEach(f -> failed.add(failure(f.line(), f.error())));
    List<UpdateLog.Op> ops = new ArrayList<>();
    for (int i = 0; i < parsed.articles().size(); i++) {
      Article a = parsed.articles().get(i);
      String refusal = LiveIndex.refusal(a);
      if (refusal == null) {
        ops.add(UpdateLog.Op.add(a));
      } else {
        failed.add(failure(parsed.lines().get(i), refusal));
      }
    }
    failed.sort((a, b) -> Integer.compare((int) a.get("line"), (int) b.get("line")));
    LiveIndex.Applied applied = ops.isEmpty() ? new LiveIndex.Applied(List.of()) : live.apply(ops);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("indexed", applied.count(false));
    answer.put("replaced", applied.count(true));
    answer.put("failed", failed);
    ctx.json(answer);
  }

  void delete(Context ctx) throws Exception {
    if (!admitted(ctx)) {
      return;
    }
    String id = ctx.pathParam("id");
    LiveIndex.Applied applied = live.apply(List.of(UpdateLog.Op.delete(id)));
    if (applied.existed().get(0)) {
      ctx.json(Map.of("deleted", id));
    } else {
      WebServer.error(ctx, HttpStatus.NOT_FOUND, "not_found", "no article with id '" + id + "'");
    }
  }

  private boolean admitted(Context ctx) throws IOException {
    var refusal = access.refusal(InetAddress.getByName(ctx.req().getRemoteAddr()), ctx.header("Authorization"),
        ctx.header("Host"), ctx.header("Origin"));
    if (refusal.isPresent()) {
      WebServer.error(ctx, HttpStatus.FORBIDDEN, "forbidden", refusal.get());
      return false;
    }
    if (live == null) {
      WebServer.error(ctx, HttpStatus.NOT_FOUND, "not_found", "this server does not take updates");
      return false;
    }
    return true;
  }

  private static Map<String, Object> failure(int line, String error) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("line", line);
    f.put("error", error);
    return f;
  }

  private static void tooLarge(Context ctx, long max) {
    WebServer.error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large",
        "the body is larger than " + max + " bytes; send the articles in smaller batches");
  }

  /** The whole stream, or null when it holds more than {@code max} bytes. */
  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
