package io.eurus.alerts.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.alerts.channel.OutboundJson;
import io.eurus.alerts.desk.Acknowledgements;
import io.eurus.alerts.desk.Desk;
import io.eurus.alerts.desk.DeskRefusal;
import io.eurus.alerts.desk.Muting;
import io.eurus.events.AlertType;
import io.eurus.events.Json;
import io.eurus.events.Mute;
import io.eurus.events.Severity;
import io.eurus.platform.StartupException;
import io.eurus.platform.config.Durations;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The desk dashboard: a static page (no inline script, strict Content-Security-Policy, uPlot from its
 * webjar) and its API: {@code /api/alerts}, the live stream {@code /api/alerts/stream} (Server-Sent
 * Events), {@code /api/tone}, {@code /api/feeds}, {@code POST /api/alerts/{id}/ack}, and the mutes of stories and
 * rules ({@code GET /api/mutes}, {@code POST /api/mutes}, {@code DELETE /api/mutes/{key}}).
 */
public final class Dashboard implements AutoCloseable {

  /** Scripts and styles only from this server; nothing inline, no frames, no plugins. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final int MAX_LIST = 2_000;
  private static final Duration DEFAULT_MUTE = Duration.ofHours(4);

  private final String host;
  private final int port;
  private final Desk desk;
  private final Acknowledgements acknowledgements;
  private final Muting muting;
  private final DashboardAccess access;
  private final Clock clock;
  private final StreamClients streams;
  private Javalin app;

  public Dashboard(String host, int port, DashboardAccess access, Desk desk, Acknowledgements acknowledgements,
      Muting muting, Clock clock) {
    this.host = host;
    this.port = port;
    this.desk = desk;
    this.acknowledgements = acknowledgements;
    this.muting = muting;
    this.access = access;
    this.clock = clock;
    this.streams = new StreamClients(desk, Dashboard::json);
  }

  private static String json(Object data) {
    try {
      return OutboundJson.mapper().writeValueAsString(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + data.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public void start() {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(OutboundJson.mapper(), false));
      config.jetty.threadPool = threadPool();
      config.staticFiles.add("/dashboard", Location.CLASSPATH);
      config.staticFiles.enableWebjars();
      config.routes.before(ctx -> {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
      });
      // Every request that changes something, on any path, present or future: only from the page itself.
      config.routes.before(CrossSiteGuard::check);
      config.routes.before("/api/*", ctx -> {
        ctx.header("Cache-Control", "no-store");
        if (!ctx.path().equals("/api/session") && !access.allows(ctx, clock.instant())) {
          ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "a valid dashboard token is required"));
          ctx.skipRemainingHandlers();
        }
      });
      config.routes.get("/api/session", ctx -> ctx.json(Map.of("tokenRequired", access.tokenRequired(),
          "authenticated", access.allows(ctx, clock.instant()))));
      config.routes.post("/api/session", this::login);
      config.routes.get("/api/alerts", ctx -> ctx.json(desk.alerts(filter(ctx), MAX_LIST)));
      config.routes.get("/api/alerts/stream", streams::open);
      config.routes.post("/api/alerts/<id>/ack", this::acknowledge);
      config.routes.get("/api/mutes", ctx -> ctx.json(desk.mutes()));
      config.routes.post("/api/mutes", this::mute);
      config.routes.delete("/api/mutes/<key>", this::unmute);
      config.routes.get("/api/tone", ctx -> ctx.json(desk.tone(clock.instant().minus(Duration.ofHours(
          Math.max(1, Math.min(24 * 90, ctx.queryParamAsClass("hours", Integer.class).getOrDefault(72))))))));
      config.routes.get("/api/feeds", ctx -> ctx.json(desk.feeds()));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
          ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", String.valueOf(e.getMessage()))));
    });
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new StartupException("port " + port + " on " + host + " is already in use: choose another with --port "
            + "(or EURUS_DASHBOARD_PORT)");
      }
      throw e;
    }
  }

  /**
   * Requests are short (the live streams hold no thread), so a small pool does; after a burst of clients its idle
   * threads are given back within seconds, all at once, instead of one a minute (Jetty's defaults).
   */
  private static QueuedThreadPool threadPool() {
    QueuedThreadPool pool = new QueuedThreadPool(32, 4, 5_000);
    pool.setMaxEvictCount(32);
    pool.setName("eurus-dashboard-http");
    return pool;
  }

  private static Desk.Filter filter(Context ctx) {
    String type = ctx.queryParam("type");
    String severity = ctx.queryParam("severity");
    String bloc = ctx.queryParam("bloc");
    return new Desk.Filter(type == null || type.isEmpty() ? null : AlertType.valueOf(type.toUpperCase(Locale.ROOT)),
        severity == null || severity.isEmpty() ? null : Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
        bloc == null || bloc.isEmpty() ? null : bloc);
  }

  private void acknowledge(Context ctx) {
    String by = null;
    if (!ctx.body().isBlank()) {
      try {
        JsonNode body = Json.mapper().readTree(ctx.body());
        by = body.hasNonNull("by") ? body.get("by").asText().strip() : null;
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("the body must be JSON such as {\"by\": \"anna\"}");
      }
    }
    try {
      ctx.json(acknowledgements.acknowledge(ctx.pathParam("id"), by == null || by.isEmpty() ? null : clip(by)));
    } catch (DeskRefusal e) {
      refused(ctx, e);
    }
  }

  /** {@code {"story": "s-…"}} or {@code {"rule": "sanctions"}}, with {@code "for": "4h"} (default) and {@code "by"}. */
  private void mute(Context ctx) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(ctx.body().isBlank() ? "{}" : ctx.body());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the body must be JSON such as {\"rule\": \"sanctions\", \"for\": \"4h\"}");
    }
    boolean story = body.hasNonNull("story");
    if (story == body.hasNonNull("rule")) {
      throw new IllegalArgumentException("name either a story (\"story\": id) or a rule (\"rule\": id) to mute");
    }
    String target = body.get(story ? "story" : "rule").asText().strip();
    Duration length = body.hasNonNull("for") ? Durations.parse(body.get("for").asText()) : DEFAULT_MUTE;
    if (length == null) {
      throw new IllegalArgumentException("'for' must be " + Durations.SYNTAX);
    }
    String by = body.hasNonNull("by") ? clip(body.get("by").asText().strip()) : null;
    try {
      ctx.json(muting.mute(story ? Mute.Kind.STORY : Mute.Kind.RULE, target, length, by == null || by.isEmpty() ? null : by));
    } catch (DeskRefusal e) {
      refused(ctx, e);
    }
  }

  private void unmute(Context ctx) {
    try {
      muting.unmute(ctx.pathParam("key"));
      ctx.status(HttpStatus.NO_CONTENT);
    } catch (DeskRefusal e) {
      refused(ctx, e);
    }
  }

  /** 404 for an alert that is not there, 400 for a request that cannot be done, 503 when Kafka did not store it. */
  private static void refused(Context ctx, DeskRefusal refusal) {
    HttpStatus status = switch (refusal.reason()) {
      case UNKNOWN -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.BAD_REQUEST;
      case NOT_STORED -> HttpStatus.SERVICE_UNAVAILABLE;
    };
    ctx.status(status).json(Map.of("error", refusal.getMessage()));
  }

  private void login(Context ctx) throws java.io.IOException {
    JsonNode body = ctx.body().isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(ctx.body());
    if (!access.accepts(body.path("token").asText(null))) {
      ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "wrong token"));
      return;
    }
    Cookie cookie = new Cookie(DashboardAccess.COOKIE, access.newSession(clock.instant()));
    cookie.setMaxAge((int) DashboardAccess.SESSION_LIFETIME.toSeconds());
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    ctx.cookie(cookie);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static String clip(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80);
  }

  public int port() {
    return app == null ? port : app.port();
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Pages following the desk live. */
  public int streams() {
    return streams.size();
  }

  @Override
  public void close() {
    streams.close();
    if (app != null) {
      app.stop();
    }
  }
}
