package newssearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches our routes (a URI too long, an ambiguous
 * or malformed path, a bad header): the same {@link ApiError} JSON as every other error, with the
 * security headers, and never Jetty's HTML page or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final Map<String, String> headers;

  JsonErrorHandler(Map<String, String> headers) {
    this.headers = headers;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
      Callback callback) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    headers.forEach(response.getHeaders()::put);
    response.write(true, ByteBuffer.wrap(body(status, message)), callback);
  }

  static byte[] body(int status, String reason) {
    // A server error's reason may name an exception; the caller gets no internals.
    String message = status >= 500 || reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    return json(ApiError.of(code(status), message));
  }

  /** Thread-safe once configured; one for every error, as a mapper is costly to make. */
  private static final ObjectMapper MAPPER = WebServer.jsonMapper();

  static byte[] json(ApiError error) {
    try {
      return MAPPER.writeValueAsBytes(error);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413, 414, 431 -> "request_too_large";
      case 503 -> LoadShedding.CODE;
      default -> status < 500 ? "bad_request" : "internal";
    };
  }
}
