package newssearch.web;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may call the endpoints that change state. With a token configured, every caller must
 * present {@code Authorization: Bearer <token>}, callers on this machine included: a token that
 * loopback callers could skip would protect nothing from other users and pages of this machine.
 * Without a token, only callers on this machine: the connection comes from a loopback address,
 * the Host header names a loopback host (so a web page cannot reach the server through DNS
 * rebinding), and a browser request comes from a page of this very server, same scheme, host
 * and port (so a page of another site, or of another port of localhost, cannot post to it).
 *
 * @param token the bearer token, or null when only loopback callers are admitted
 */
public record AdminAccess(String token) {

  /**
   * What an admin request says about its caller. {@code origin}, {@code secFetchSite} and
   * {@code referer} are the browser's headers, null when absent.
   *
   * @param scheme the scheme the request came in on, {@code http} or {@code https}
   */
  public record Caller(InetAddress remote, String scheme, String authorization, String host, String origin,
      String secFetchSite, String referer) {}

  public AdminAccess {
    if (token != null && token.isBlank()) {
      token = null;
    }
  }

  public static AdminAccess loopbackOnly() {
    return new AdminAccess(null);
  }

  /** As {@link #refusal(Caller)} for a plain HTTP caller that sends no Sec-Fetch-Site or Referer. */
  public Optional<String> refusal(InetAddress remote, String authorization, String host, String origin) {
    return refusal(new Caller(remote, "http", authorization, host, origin, null, null));
  }

  /** Why the caller is refused, or empty when admitted. */
  public Optional<String> refusal(Caller caller) {
    String authorization = caller.authorization();
    if (token != null) {
      if (authorization == null || authorization.isBlank()) {
        return Optional.of("admin requests need 'Authorization: Bearer <token>' (this server has an admin token)");
      }
      return tokenMatches(authorization) ? Optional.empty() : Optional.of("the admin token is wrong");
    }
    if (authorization != null && !authorization.isBlank()) {
      return Optional.of("this server has no admin token; start it with --admin-token to use one");
    }
    if (!caller.remote().isLoopbackAddress()) {
      return Optional.of("admin requests are accepted only from this machine; start the server with --admin-token"
          + " (or NEWS_SEARCH_ADMIN_TOKEN) to allow others");
    }
    if (!isLoopbackHost(hostOf(caller.host()))) {
      return Optional.of("admin requests must address the server as localhost or a loopback address");
    }
    if (!fromThisServer(caller)) {
      return Optional.of("admin requests are accepted only from pages of this server (same scheme, host and port)");
    }
    return Optional.empty();
  }

  /**
   * A browser names the page that sent a request in Origin (every POST of a modern browser),
   * else in Sec-Fetch-Site, else in Referer. Only a request none of them place elsewhere is
   * admitted: a command-line client sends none. "same-site" is refused, as another port of
   * localhost is the same site.
   */
  private static boolean fromThisServer(Caller caller) {
    String self = origin(caller.scheme(), caller.host());
    if (caller.origin() != null) {
      return self != null && self.equals(originOf(caller.origin()));
    }
    if (caller.secFetchSite() != null) {
      String site = caller.secFetchSite().strip().toLowerCase(Locale.ROOT);
      return site.equals("same-origin") || site.equals("none");
    }
    if (caller.referer() != null) {
      return self != null && self.equals(originOf(caller.referer()));
    }
    return true;
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

  /** This server's origin as the request addressed it, {@code http://localhost:7070}; null if unreadable. */
  private static String origin(String scheme, String hostHeader) {
    if (scheme == null || hostHeader == null || hostHeader.isBlank()) {
      return null;
    }
    return originOf(scheme + "://" + hostHeader.strip());
  }

  /** The origin of a URL in one spelling: lower case scheme and host, and the port, default or not. */
  static String originOf(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      int port = uri.getPort() >= 0 ? uri.getPort() : switch (scheme) {
        case "http" -> 80;
        case "https" -> 443;
        default -> -1;
      };
      return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** Names only: a loopback literal or localhost; never a DNS lookup. */
  static boolean isLoopbackHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127(\\.\\d{1,3}){3}");
  }
}
