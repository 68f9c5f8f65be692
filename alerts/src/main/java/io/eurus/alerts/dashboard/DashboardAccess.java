package io.eurus.alerts.dashboard;

import io.eurus.platform.StartupException;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
  /** How long a session lasts before the page asks for the token again: a working day. */
  static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] token;

  private DashboardAccess(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
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

  /** Whether the request may use the API at {@code now}. */
  boolean allows(Context ctx, Instant now) {
    if (token == null) {
      String host = ctx.host() == null ? "" : ctx.host().toLowerCase(Locale.ROOT);
      String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
      return LOOPBACK_NAMES.contains(name);
    }
    String header = ctx.header("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      return same(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }
    return validSession(ctx.cookie(COOKIE), now);
  }

  /** Whether {@code offered} is the token; on success the page may hold a session cookie instead. */
  boolean accepts(String offered) {
    return token != null && offered != null && same(offered.getBytes(StandardCharsets.UTF_8), token);
  }

  /**
   * A new session's cookie value: a random id, its expiry, and an HMAC of both keyed with the token. Each login
   * gets its own value, which stops working at its expiry; it reveals nothing of the token, and every instance
   * that has the token can check it (no session store, nothing lost on a restart).
   */
  String newSession(Instant now) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String claim = Base64.getUrlEncoder().withoutPadding().encodeToString(id) + "." + now.plus(SESSION_LIFETIME).getEpochSecond();
    return claim + "." + sign(claim);
  }

  boolean validSession(String cookie, Instant now) {
    if (cookie == null || token == null) {
      return false;
    }
    int last = cookie.lastIndexOf('.');
    int expiry = last < 0 ? -1 : cookie.lastIndexOf('.', last - 1);
    if (expiry < 0) {
      return false;
    }
    String claim = cookie.substring(0, last);
    if (!same(cookie.substring(last + 1).getBytes(StandardCharsets.UTF_8), sign(claim).getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    try {
      return now.getEpochSecond() < Long.parseLong(claim.substring(expiry + 1));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String sign(String claim) {
    return io.eurus.alerts.channel.WebhookChannel.sign(token, ("eurus-dashboard-session|" + claim).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean same(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
