package io.eurus.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on loopback (the JDK's), with handlers per path and a log of the requests it got. */
public final class LocalHttpServer implements AutoCloseable {

  /** What a request carried that tests look at. */
  public record Request(String path, String userAgent, String ifNoneMatch, String ifModifiedSince, String acceptEncoding) {
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.start();
  }

  public LocalHttpServer route(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      var headers = exchange.getRequestHeaders();
      requests.add(new Request(exchange.getRequestURI().getPath(), headers.getFirst("User-Agent"), headers.getFirst("If-None-Match"),
          headers.getFirst("If-Modified-Since"), headers.getFirst("Accept-Encoding")));
      try {
        handler.handle(exchange);
      } finally {
        exchange.close();
      }
    });
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Sends a complete response. */
  public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
