package newssearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import newssearch.search.ArticleSearcher;
import newssearch.search.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the JSON API under {@code /api} and the page from {@code web/}. Routes are
 * all here; errors are mapped once, to {@link ApiError} JSON, and no stack trace leaves the
 * server.
 */
public final class WebServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** Marks a response whose error body is already written, so the status handlers keep it. */
  private static final String ERROR_SENT = "news-search.error-sent";

  /** Sent with every response, errors included: no inline script, no sniffing, no referrer. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY",
      "Cross-Origin-Opener-Policy", "same-origin");

  private final ArticleSearcher searcher;
  private AdminEndpoint admin;
  private Javalin app;

  public WebServer(ArticleSearcher searcher) {
    this.searcher = searcher;
    this.admin = new AdminEndpoint(searcher, AdminAccess.loopbackOnly(), null);
  }

  /** Enables {@code POST /api/admin/reindex} for the callers {@code access} admits; call before {@link #start}. */
  public WebServer admin(AdminAccess access, Reindexer reindexer) {
    this.admin = new AdminEndpoint(searcher, access, reindexer);
    return this;
  }

  /** Starts on {@code host:port}; port 0 picks a free one (see {@link #port()}). */
  public WebServer start(String host, int port) {
    app = Javalin.create(this::configure).start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.http.prefer405over404 = true;
    config.jsonMapper(new JavalinJackson(jsonMapper(), false));
    config.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = "/web";
      files.location = Location.CLASSPATH;
    });

    config.routes.get("/api/health", this::health);
    config.routes.get("/api/search", this::search);
    config.routes.get("/api/articles/{id}", this::article);
    config.routes.post("/api/admin/reindex", admin::reindex);
    securityHeaders(config);

    config.routes.exception(InvalidRequestException.class, (e, ctx) ->
        error(ctx, HttpStatus.BAD_REQUEST, e.code(), e.getMessage()));
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the server could not answer this request");
    });
    config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
      if (ctx.attribute(ERROR_SENT) == null) {
        error(ctx, HttpStatus.NOT_FOUND, "not_found", "no such resource: " + ctx.path());
      }
    });
    config.routes.error(HttpStatus.METHOD_NOT_ALLOWED, ctx ->
        error(ctx, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
  }

  /**
   * Security headers on every response, set by Jetty so that static files and the errors Jetty
   * answers itself carry them too; those errors are JSON like ours.
   */
  private static void securityHeaders(JavalinConfig config) {
    config.jetty.modifyHttpConfiguration(http -> {
      http.setSendServerVersion(false);
      http.addCustomizer((request, headers) -> {
        SECURITY_HEADERS.forEach(headers::put);
        return request;
      });
    });
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(SECURITY_HEADERS)));
  }

  private void health(Context ctx) {
    ctx.json(Map.of("status", "ok", "documents", searcher.documentCount()));
  }

  private void search(Context ctx) throws Exception {
    ctx.json(searcher.search(SearchParams.read(ctx)));
  }

  private void article(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    var article = searcher.article(id);
    if (article.isPresent()) {
      ctx.json(article.get());
    } else {
      error(ctx, HttpStatus.NOT_FOUND, "not_found", "no article with id '" + id + "'");
    }
  }

  static void error(Context ctx, HttpStatus status, String code, String message) {
    ctx.attribute(ERROR_SENT, true);
    ctx.status(status).json(ApiError.of(code, message));
  }

  static ObjectMapper jsonMapper() {
    return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  }
}
