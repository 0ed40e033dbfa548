package newssearch.web;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may call the endpoints that change state. Without a token, only callers on this machine:
 * the connection comes from a loopback address, the Host header names a loopback host (so a web
 * page cannot reach the server through DNS rebinding), and a browser's Origin, when sent, is a
 * loopback one (so a web page elsewhere cannot post to it). With a token, a caller from anywhere
 * that presents {@code Authorization: Bearer <token>} is admitted too.
 *
 * @param token the bearer token, or null when only loopback callers are admitted
 */
public record AdminAccess(String token) {

  public AdminAccess {
    if (token != null && token.isBlank()) {
      token = null;
    }
  }

  public static AdminAccess loopbackOnly() {
    return new AdminAccess(null);
  }

  /** Why the caller is refused, or empty when admitted. */
  public Optional<String> refusal(InetAddress remote, String authorization, String host, String origin) {
    if (authorization != null && !authorization.isBlank()) {
      return tokenMatches(authorization) ? Optional.empty() : Optional.of("the admin token is wrong");
    }
    if (!remote.isLoopbackAddress()) {
      return Optional.of(token == null
          ? "admin requests are accepted only from this machine; start the server with --admin-token"
              + " (or NEWS_SEARCH_ADMIN_TOKEN) to allow others"
          : "admin requests from other machines need 'Authorization: Bearer <token>'");
    }
    if (!isLoopbackHost(hostOf(host))) {
      return Optional.of("admin requests must address the server as localhost or a loopback address");
    }
    if (origin != null && !isLoopbackHost(originHost(origin))) {
      return Optional.of("admin requests are not accepted from web pages of other sites");
    }
    return Optional.empty();
  }

  private boolean tokenMatches(String authorization) {
    String prefix = "bearer ";
    if (token == null || !authorization.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return false;
    }
    byte[] given = authorization.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
  }

  /** The host part of a Host header: {@code 127.0.0.1:7070} gives 127.0.0.1, {@code [::1]:7070} gives ::1. */
  static String hostOf(String hostHeader) {
    if (hostHeader == null) {
      return "";
    }
    String h = hostHeader.strip();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? "" : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static String originHost(String origin) {
    try {
      String host = URI.create(origin.strip()).getHost();
      return host == null ? "" : host.replaceAll("^\\[|]$", "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Names only: a loopback literal or localhost; never a DNS lookup. */
  static boolean isLoopbackHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127(\\.\\d{1,3}){3}");
  }
}
