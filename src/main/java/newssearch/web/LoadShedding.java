package newssearch.web;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's {@link QoSHandler} in front of the API: at most {@link LoadLimits#concurrent} API requests
 * run at once, up to {@link LoadLimits#queued} more wait (without holding a thread) for at most
 * {@link LoadLimits#maxWait}, and any beyond get at once a 503 JSON error with {@code Retry-After},
 * rather than a slow answer or a time-out. Health and the admin endpoint are outside the limit,
 * so a monitor sees at once that the server is up although busy, and a reindex (one at a time,
 * for minutes) never holds a search's place. Static files are cheap and outside it too.
 */
final class LoadShedding extends QoSHandler {
  /** Seconds a refused client is told to wait. */
  static final int RETRY_AFTER_SECONDS = 1;
  static final String CODE = "overloaded";

  private final Map<String, String> headers;
  /** Written once: a refusal must cost next to nothing, or refusing is what overloads the server. */
  private final byte[] body = JsonErrorHandler.json(ApiError.of(CODE,
      "the server is busy; try again in " + RETRY_AFTER_SECONDS + " second"));

  LoadShedding(LoadLimits limits, Map<String, String> headers) {
    this.headers = headers;
    setMaxRequestCount(limits.concurrent());
    setMaxSuspendedRequestCount(limits.queued());
    setMaxSuspend(limits.maxWait());
    includePath("/api/*");
    excludePath("/api/health", "/api/admin/*");
  }

  @Override
  protected void reject(Request request, Response response, Callback callback, int status) {
    overloaded(response, callback);
  }

  @Override
  protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
    if (status == getRejectStatusCode()) {
      overloaded(response, callback);
    } else {
      super.failSuspended(request, response, callback, status, failure);
    }
  }

  private void overloaded(Response response, Callback callback) {
    response.setStatus(getRejectStatusCode());
    headers.forEach(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
