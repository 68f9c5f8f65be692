package io.eurus.alerts.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lets a request change something (any method but GET, HEAD and OPTIONS, on any path, so an endpoint added
 * later is covered without a line of its own) only when it comes from the dashboard's own page or from a
 * program that is not a browser:
 * <ul>
 *   <li>{@code Sec-Fetch-Site}, when the browser sends it, must be {@code same-origin} (or {@code none}: typed by
 *       the user). {@code same-site} is refused too: every port of 127.0.0.1 or localhost is the same site.</li>
 *   <li>{@code Origin}, when sent, must name this server: its host and port are those the request was sent to
 *       ({@code Host}, or {@code X-Forwarded-Host} behind a proxy; no browser lets a page set that header on
 *       a cross-site request without a CORS preflight, which this server never grants).</li>
 *   <li>A body must be {@code application/json}: the one type a cross-site page cannot send without that
 *       preflight either (a form or a {@code no-cors} fetch can only send text/plain, form data or multipart).</li>
 * </ul>
 * Browsers send {@code Origin} with every cross-origin POST, PUT and DELETE, so a page elsewhere always meets
 * the first two checks; curl and scripts send neither header and pass on to the token check.
 */
final class CrossSiteGuard {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

  /** Why a request was refused: its status and a one-line reason for the caller. */
  record Refusal(HttpStatus status, String reason) {
  }

  private CrossSiteGuard() {
  }

  /** A before-handler: answers a refused request with its status and reason and skips the endpoint. */
  static void check(Context ctx) {
    Refusal refusal = refusal(ctx.method().name(), ctx.header("Sec-Fetch-Site"), ctx.header("Origin"),
        ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.host(),
        ctx.contentType(), ctx.bodyAsBytes().length > 0);
    if (refusal != null) {
      ctx.status(refusal.status()).json(Map.of("error", refusal.reason()));
      ctx.skipRemainingHandlers();
    }
  }

  /** Null when the request may go on; else why not. */
  static Refusal refusal(String method, String fetchSite, String origin, String host, String contentType, boolean hasBody) {
    if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return null;
    }
    if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
      return new Refusal(HttpStatus.FORBIDDEN, "refused: a request from another site (Sec-Fetch-Site: " + fetchSite.strip()
          + ") may not change anything here");
    }
    if (origin != null && !sameAuthority(origin, host)) {
      return new Refusal(HttpStatus.FORBIDDEN, "refused: a request from another origin may not change anything here");
    }
    if (hasBody && !isJson(contentType)) {
      return new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
    }
    return null;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json");
  }

  /** Whether the Origin header names the host and port the request was addressed to ("null" never does). */
  static boolean sameAuthority(String origin, String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(origin.strip());
      if (uri.getHost() == null || uri.getScheme() == null) {
        return false;
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      String expected = host.strip().toLowerCase(Locale.ROOT);
      String originHost = uri.getHost().toLowerCase(Locale.ROOT);
      // Host carries no port for the scheme's default one.
      return expected.equals(originHost + ":" + port) || (expected.equals(originHost) && (port == 80 || port == 443));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
