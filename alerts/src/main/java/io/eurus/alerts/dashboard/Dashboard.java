package io.eurus.alerts.dashboard;

import io.eurus.alerts.RecentAlerts;
import io.eurus.events.Json;
import io.eurus.platform.StartupException;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.BindException;

/**
 * The desk dashboard: a static page (no inline script, strict Content-Security-Policy) and its JSON API.
 */
public final class Dashboard implements AutoCloseable {

  /** Scripts and styles only from this server; nothing inline, no frames, no plugins. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final String host;
  private final int port;
  private final RecentAlerts alerts;
  private Javalin app;

  public Dashboard(String host, int port, RecentAlerts alerts) {
    this.host = host;
    this.port = port;
    this.alerts = alerts;
  }

  public void start() {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.staticFiles.add("/dashboard", Location.CLASSPATH);
      config.routes.before(ctx -> {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
      });
      config.routes.get("/api/alerts", ctx -> ctx.json(alerts.newestFirst()));
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

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
  }
}
