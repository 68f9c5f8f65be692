package io.eurus.tools.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The benchmark's feed server, run as its own process: {@code N} feeds at {@code /feed/I}, each with an
 * ETag; a request finds its feed changed (one new item) with probability {@code changed}, else a client
 * that sends the current ETag gets 304. Listens on all loopback addresses so feeds can be spread over many
 * host names (127.0.0.1, 127.0.0.2, …), as real feeds are spread over many sites.
 *
 * <p>Usage: {@code java -cp eurus.jar io.eurus.tools.bench.BenchFeedServer FEEDS CHANGED ITEMS}; prints {@code port=N}.
 */
public final class BenchFeedServer {

  private BenchFeedServer() {
  }

  public static void main(String[] args) throws IOException {
    int feeds = Integer.parseInt(args[0]);
    double changed = Double.parseDouble(args[1]);
    int items = Integer.parseInt(args[2]);
    BenchFeeds documents = new BenchFeeds();
    AtomicLongArray versions = new AtomicLongArray(feeds);
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 1024);
    server.createContext("/feed/", exchange -> {
      try (exchange) {
        int feed = Integer.parseInt(exchange.getRequestURI().getPath().substring("/feed/".length()));
        long version = ThreadLocalRandom.current().nextDouble() < changed ? versions.incrementAndGet(feed) : versions.get(feed);
        String etag = "\"" + feed + "-" + version + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        byte[] body = documents.rss(feed, version, items);
        respond(exchange, body);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private static void respond(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
