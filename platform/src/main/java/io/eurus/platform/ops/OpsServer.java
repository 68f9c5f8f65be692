package io.eurus.platform.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eurus.events.Json;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code /health} (200 when every service is healthy, else 503, JSON either way) and {@code /metrics}
 * (Prometheus text) on the ops port, for docker healthchecks and scraping. Uses the JDK's HTTP server:
 * two read-only endpoints do not need a web framework.
 */
public final class OpsServer implements AutoCloseable {

  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  public static OpsServer start(Ops ops, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext("/health", exchange -> {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean healthy = ops.healthy();
        body.put("status", healthy ? "UP" : "DOWN");
        body.put("services", ops.health());
        respond(exchange, healthy ? 200 : 503, "application/json", Json.mapper().writeValueAsBytes(body));
      });
      server.createContext("/metrics", exchange ->
          respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
              ops.registry().scrape().getBytes(StandardCharsets.UTF_8)));
      server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eurus-ops-http");
        thread.setDaemon(true);
        return thread;
      }));
      server.start();
      return new OpsServer(server);
    } catch (BindException e) {
      throw new StartupException("port " + port + " is already in use: set another with --ops-port (or EURUS_OPS_PORT), or 0 for none");
    } catch (IOException e) {
      throw new StartupException("cannot open the ops port " + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
