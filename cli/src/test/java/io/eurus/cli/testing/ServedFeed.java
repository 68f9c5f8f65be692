package io.eurus.cli.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A real HTTP server serving one RSS feed whose items a test can add while it runs. */
public final class ServedFeed implements AutoCloseable {

  private final HttpServer server;
  private final List<String> items = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

  public ServedFeed() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/feed.xml", exchange -> {
      requests.incrementAndGet();
      byte[] body = rss().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
  }

  /** How many times the feed was asked for. */
  public int requests() {
    return requests.get();
  }

  /** Adds an item; title and description must be XML-safe. */
  public synchronized void addItem(String guid, String title, String description) {
    items.add("<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title>"
        + "<link>https://news.example/" + guid + "</link><description>" + description + "</description>"
        + "<pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate></item>");
  }

  private synchronized String rss() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test feed</title>"
        + "<link>https://news.example/</link><description>test</description>" + String.join("", items)
        + "</channel></rss>";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
