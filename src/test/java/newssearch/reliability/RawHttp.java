package newssearch.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that {@code java.net.http} refuses to send: raw
 * control bytes, invalid UTF-8 and unnormalized paths in the request line, odd methods and
 * versions. The request target is sent byte for byte (each char is one byte, ISO-8859-1).
 */
final class RawHttp {
  static final int TIMEOUT_MS = 5_000;

  private RawHttp() {}

  /**
   * @param headers response header names in lower case
   * @param millis time from connecting to the end of the response
   */
  record Response(int status, Map<String, String> headers, String body, long millis) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Sends {@code method target HTTP/1.1} with a Host header and {@code extraHeaders} (each ending in CRLF). */
  static Response request(int port, String method, String target, String extraHeaders) throws IOException {
    String head = method + " " + target + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + port + "\r\n"
        + extraHeaders
        + "Connection: close\r\n\r\n";
    return send(port, head.getBytes(StandardCharsets.ISO_8859_1));
  }

  static Response get(int port, String target) throws IOException {
    return request(port, "GET", target, "");
  }

  /** Sends {@code raw} as the whole request and reads the response until the server closes. */
  static Response send(int port, byte[] raw) throws IOException {
    long start = System.nanoTime();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(raw);
      out.flush();
      byte[] bytes = readAll(socket.getInputStream(), start);
      return parse(bytes, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static byte[] readAll(InputStream in, long start) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        all.write(buffer, 0, n);
        if ((System.nanoTime() - start) / 1_000_000 > TIMEOUT_MS) {
          throw new SocketTimeoutException("response still coming after " + TIMEOUT_MS + " ms");
        }
      }
    } catch (java.net.SocketException e) {
      // A server may reset the connection right after answering a broken request; keep what came.
      if (all.size() == 0) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  private static Response parse(byte[] bytes, long millis) throws IOException {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0 || !text.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8), millis);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int lineEnd = i;
      while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
      int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
      if (size == 0) {
        break;
      }
      out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
