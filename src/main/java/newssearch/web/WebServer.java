package newssearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.index.LiveIndex;
import newssearch.ingest.PostedArticles;
import newssearch.search.ArticleSearcher;
import newssearch.search.SearchEngine;
import newssearch.search.SearchResult;
import newssearch.search.SortOrder;
import newssearch.search.SearchCsv;
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
  /** The OpenAPI description of the API, on the class path. */
  static final String OPENAPI = "/openapi.json";

  /** Allows pages of any origin to call the API. */
  public static final List<String> ANY_ORIGIN = List.of("*");
  static final int DEFAULT_SUGGESTIONS = 8;
  static final int MAX_SUGGESTIONS = 20;
  static final int DEFAULT_RELATED = 5;
  static final int DEFAULT_FACET_VALUES = 10;
  static final int MAX_FACET_VALUES = 100;

  /** Sent with every response, errors included: no inline script, no sniffing, no referrer to other sites. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "X-Content-Type-Options", "nosniff",
      // same-origin: the article view learns it was opened from the results; other sites learn nothing.
      "Referrer-Policy", "same-origin",
      "X-Frame-Options", "DENY",
      "Cross-Origin-Opener-Policy", "same-origin");

  private final SearchEngine searcher;
  private final List<String> corsOrigins;
  private final String openApiDocument = readOpenApi();
  private AdminEndpoint admin;
  private AdminAccess access = AdminAccess.loopbackOnly();
  private ArticlesEndpoint articles;
  private LoadLimits loadLimits = LoadLimits.forThisMachine();
  /** Runs before each API route's handler; a seam for tests that hold requests in flight. */
  private io.javalin.http.Handler beforeApi;
  private Javalin app;

  public WebServer(SearchEngine searcher) {
    this(searcher, ANY_ORIGIN);
  }

  /**
   * @param corsOrigins origins ({@code https://example.org}) whose pages may call the API, or
   *     {@link #ANY_ORIGIN}
   */
  public WebServer(SearchEngine searcher, List<String> corsOrigins) {
    this.searcher = searcher;
    this.corsOrigins = List.copyOf(corsOrigins);
    this.admin = new AdminEndpoint(searcher, AdminAccess.loopbackOnly(), null);
  }

  /** Enables {@code POST /api/admin/reindex} for the callers {@code access} admits; call before {@link #start}. */
  public WebServer admin(AdminAccess access, Reindexer reindexer) {
    this.admin = new AdminEndpoint(searcher, access, reindexer);
    this.access = access;
    return this;
  }

  /**
   * Takes live updates into {@code live} ({@code POST /api/articles}, {@code DELETE
   * /api/articles/{id}}) from the callers the admin access admits; call after {@link #admin}, before {@link #start}.
   */
  public WebServer live(LiveIndex live, PostedArticles parser) {
    this.articles = new ArticlesEndpoint(live, parser, access);
    return this;
  }

  /** Sets how much API work is taken on at once; call before {@link #start}. */
  public WebServer loadLimits(LoadLimits limits) {
    this.loadLimits = limits;
    return this;
  }

  /** Runs {@code hook} before the handler of every API route; for tests. */
  WebServer beforeApi(io.javalin.http.Handler hook) {
    this.beforeApi = hook;
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

    config.http.compressionStrategy = CompressionStrategy.GZIP;
    config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
      ExportHeaders.NAMES.forEach(rule::exposeHeader);
      if (corsOrigins.contains("*")) {
        rule.anyHost();
      } else {
        rule.allowHost(corsOrigins.get(0), corsOrigins.subList(1, corsOrigins.size()).toArray(String[]::new));
      }
    }));

    // Javalin routes a request by the method X-HTTP-Method-Override names, so a GET (a link, an
    // image, a GET-only proxy) could reach a POST route: the header is refused before routing.
    config.routes.before(WebServer::refuseMethodOverride);
    if (beforeApi != null) {
      config.routes.before("/api/*", beforeApi);
    }
    config.routes.get("/api/health", this::health);
    config.routes.get("/api/search", this::search);
    config.routes.get("/api/search.csv", this::searchCsv);
    config.routes.get("/api/search.atom", this::searchAtom);
    config.routes.get("/api/suggest", this::suggest);
    config.routes.get("/api/facets/entity", this::entityFacet);
    config.routes.get("/api/articles/{id}", this::article);
    config.routes.get("/api/articles/{id}/related", this::related);
    config.routes.get("/api/openapi.json", this::openApi);
    config.routes.post("/api/admin/reindex", admin::reindex);
    ArticlesEndpoint updates = articles != null ? articles : new ArticlesEndpoint(null, null, access);
    config.routes.post("/api/articles", updates::post);
    config.routes.delete("/api/articles/{id}", updates::delete);
    securityHeaders(config);
    loadShedding(config);

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
      // An export repeats its query in headers (X-Query, X-Search-Parameters), percent-encoded:
      // up to twice the longest request Jetty reads (8 KB). A response whose headers outgrew the
      // first buffer (8 KB by default) never completed in HostileRequestsTest, so the first
      // buffer holds them all.
      http.setResponseHeaderSize(RESPONSE_HEADER_BYTES);
      http.setMaxResponseHeaderSize(RESPONSE_HEADER_BYTES);
      http.addCustomizer((request, headers) -> {
        SECURITY_HEADERS.forEach(headers::put);
        return request;
      });
    });
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(SECURITY_HEADERS)));
  }

  static final int RESPONSE_HEADER_BYTES = 32 * 1024;

  /** Headers that ask a server to take a request for another method than the one it came with. */
  static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  private static void refuseMethodOverride(Context ctx) {
    for (String header : METHOD_OVERRIDES) {
      if (ctx.header(header) != null) {
        throw new InvalidRequestException("method_override_refused",
            header + " is not accepted: send the request with its own method");
      }
    }
  }

  /** {@link LoadShedding} in front of Javalin, which places its servlet context inside it. */
  private void loadShedding(JavalinConfig config) {
    LoadLimits limits = loadLimits;
    Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
    if (corsOrigins.contains("*")) {
      // So that a page elsewhere reads the 503 and its Retry-After, as it reads every other answer.
      headers.put("Access-Control-Allow-Origin", "*");
    }
    config.jetty.modifyServer(server -> server.setHandler(new LoadShedding(limits, headers)));
  }

  private void health(Context ctx) throws IOException {
    ctx.json(Map.of("status", "ok", "documents", searcher.documentCount(), "engine", searcher.engine()));
  }

  private void search(Context ctx) throws Exception {
    ctx.json(searcher.search(SearchParams.read(ctx)));
  }

  /**
   * Every match as CSV. The table starts with its header, so spreadsheets and CSV readers take it
   * as it is; what cites and reproduces it goes in headers ({@link ExportHeaders}).
   */
  private void searchCsv(Context ctx) throws Exception {
    ArticleSearcher.Export export = searcher.export(SearchParams.read(ctx));
    ExportHeaders.of(export, ctx.queryParamMap()).forEach(ctx::header);
    String articlePage = ctx.scheme() + "://" + ctx.host() + "/article.html?id=";
    ctx.contentType("text/csv; charset=utf-8; header=present").result(SearchCsv.write(export, articlePage));
  }

  /** The search as an Atom feed, newest arrival first, whatever the sort asked for. */
  private void searchAtom(Context ctx) throws Exception {
    SearchResult result = searcher.search(SearchParams.read(ctx).withSort(SortOrder.ARRIVAL));
    String base = ctx.scheme() + "://" + ctx.host();
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    String self = base + ctx.path() + (query.isEmpty() ? "" : "?" + query);
    ctx.contentType("application/atom+xml; charset=utf-8").result(AtomFeed.write(result, self, base, query));
  }

  private void suggest(Context ctx) throws Exception {
    String q = SearchParams.text(ctx, "q", "");
    int size = SearchParams.integer(ctx, "size", DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", q);
    body.put("suggestions", searcher.complete(q, size));
    ctx.json(body);
  }

  private void entityFacet(Context ctx) throws Exception {
    String prefix = SearchParams.text(ctx, "prefix", "");
    List<String> types = SearchParams.values(ctx, "type");
    int size = SearchParams.integer(ctx, "size", DEFAULT_FACET_VALUES, 1, MAX_FACET_VALUES);
    ctx.json(Map.of("values", searcher.entityValues(prefix, types, size)));
  }

  private void related(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    int size = SearchParams.integer(ctx, "size", DEFAULT_RELATED, 1, ArticleSearcher.MAX_RELATED);
    var related = searcher.related(id, size);
    if (related.isPresent()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", id);
      body.put("related", related.get());
      ctx.json(body);
    } else {
      error(ctx, HttpStatus.NOT_FOUND, "not_found", "no article with id '" + id + "'");
    }
  }

  private void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApiDocument);
  }

  /** The OpenAPI document, read once when the server starts. */
  private static String readOpenApi() {
    try (InputStream in = WebServer.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
