package io.eurus.alerts.dashboard;

import io.eurus.platform.StartupException;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use the dashboard's API. With a token, every API call needs it: as {@code Authorization: Bearer
 * TOKEN}, or as the session cookie the page gets by posting the token once. Without one, the dashboard only
 * starts on a loopback address, and then only answers requests addressed to a loopback name, so a web page
 * elsewhere cannot reach it through DNS rebinding.
 */
public final class DashboardAccess {

  static final String COOKIE = "eurus_desk";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private final byte[] token;
  private final byte[] session;

  private DashboardAccess(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.session = token == null ? null : sessionValue(token).getBytes(StandardCharsets.UTF_8);
  }

  public static DashboardAccess forBinding(String host, String token) {
    if (token == null || token.isEmpty()) {
      if (!isLoopback(host)) {
        throw new StartupException("the dashboard binds to " + host + ", beyond this machine, so it needs a token: "
            + "set EURUS_DASHBOARD_TOKEN or EURUS_DASHBOARD_TOKEN_FILE (or bind to 127.0.0.1)");
      }
      return new DashboardAccess(null);
    }
    if (token.length() < 16) {
      throw new StartupException("the dashboard token is too short: use at least 16 characters (e.g. openssl rand -hex 24)");
    }
    return new DashboardAccess(token);
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new StartupException("dashboard.host '" + host + "' is not an address of this machine");
    }
  }

  boolean tokenRequired() {
    return token != null;
  }

  /** Whether the request may use the API. */
  boolean allows(Context ctx) {
    if (token == null) {
      String host = ctx.host() == null ? "" : ctx.host().toLowerCase(Locale.ROOT);
      String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
      return LOOPBACK_NAMES.contains(name);
    }
    String header = ctx.header("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      return same(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }
    String cookie = ctx.cookie(COOKIE);
    return cookie != null && same(cookie.getBytes(StandardCharsets.UTF_8), session);
  }

  /** Whether {@code offered} is the token; on success the page may hold a session cookie instead. */
  boolean accepts(String offered) {
    return token != null && offered != null && same(offered.getBytes(StandardCharsets.UTF_8), token);
  }

  String sessionCookieValue() {
    return new String(session, StandardCharsets.UTF_8);
  }

  // Not the token itself: a cookie leaked from a browser profile does not reveal the token others use with curl.
  private static String sessionValue(String token) {
    return io.eurus.alerts.channel.WebhookChannel.sign(token.getBytes(StandardCharsets.UTF_8),
        "eurus-dashboard-session".getBytes(StandardCharsets.UTF_8));
  }

  private static boolean same(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
