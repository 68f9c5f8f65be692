package io.eurus.cli.demo;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eurus.events.FeedDefinition;
import io.eurus.platform.Service;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Document;

/**
 * Serves the bundled demo feeds as RSS 2.0 on loopback and releases their items over time, so that
 * {@code eurus run --demo} shows live alerts without any network. A quarter of the items are out at
 * start (back-dated), then one more every {@code interval}; after the last one the story starts over as
 * a new round with new item ids. Supports conditional GET (ETag), like a polite real server.
 */
public final class DemoFeedServer implements Service {

  private static final int ITEMS_PER_FEED = 50;

  private final DemoFeeds demo;
  private final List<DemoFeeds.Release> order;
  private final Duration interval;
  private final Clock clock;
  private Instant startedAt;
  private HttpServer server;

  public DemoFeedServer(DemoFeeds demo, Duration interval, Clock clock) {
    this.demo = demo;
    this.order = demo.releaseOrder();
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "demo-feeds";
  }

  @Override
  public void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new StartupException("cannot start the demo feed server: " + e.getMessage(), e);
    }
    startedAt = clock.instant();
    server.createContext("/feeds/", this::serveFeed);
    server.createContext("/articles/", this::serveArticle);
    server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "eurus-demo-feeds");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  /** Definitions of the demo feeds, pointing at this server, polled every few seconds. */
  public List<FeedDefinition> feedDefinitions(Duration pollInterval) {
    return demo.feeds().stream()
        .map(feed -> new FeedDefinition(FeedDefinition.SCHEMA_VERSION, feed.id(), baseUrl() + "/feeds/" + feed.id() + ".xml",
            feed.name(), feed.bloc(), feed.language(), pollInterval, false))
        .toList();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many items are out at {@code now}, counting earlier rounds. */
  long releasedAt(Instant now) {
    long initial = Math.max(1, order.size() / 4);
    long since = Duration.between(startedAt, now).toMillis() / Math.max(1, interval.toMillis());
    return initial + since;
  }

  /** When the n-th released item (0-based, across rounds) was published. */
  Instant publishedAt(long n) {
    long initial = Math.max(1, order.size() / 4);
    if (n < initial) {
      return startedAt.minus(Duration.ofMinutes(3).multipliedBy(initial - n));
    }
    return startedAt.plus(interval.multipliedBy(n - initial + 1));
  }

  private void serveFeed(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String feedId = path.substring("/feeds/".length()).replaceFirst("\\.xml$", "");
    DemoFeeds.Feed feed = demo.feeds().stream().filter(f -> f.id().equals(feedId)).findFirst().orElse(null);
    if (feed == null) {
      respond(exchange, 404, "text/plain; charset=utf-8", null, "no such demo feed: " + feedId);
      return;
    }
    List<SyndEntry> entries = new ArrayList<>();
    long released = releasedAt(clock.instant());
    for (long n = released - 1; n >= 0 && entries.size() < ITEMS_PER_FEED; n--) {
      DemoFeeds.Release release = order.get((int) (n % order.size()));
      if (release.feed().id().equals(feedId)) {
        entries.add(entry(release, n / order.size() + 1, publishedAt(n)));
      }
    }
    String etag = "\"" + feedId + "-" + entries.size() + "-" + (entries.isEmpty() ? "" : entries.get(0).getUri().hashCode()) + "\"";
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      respond(exchange, 304, null, etag, null);
      return;
    }
    respond(exchange, 200, "application/rss+xml; charset=utf-8", etag, rss(feed, entries));
  }

  private SyndEntry entry(DemoFeeds.Release release, long round, Instant published) {
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitle(release.item().title());
    entry.setLink(baseUrl() + "/articles/" + release.feed().id() + "/" + release.index() + "-r" + round);
    entry.setUri("eurus-demo:" + release.feed().id() + ":" + release.index() + ":r" + round);
    SyndContentImpl description = new SyndContentImpl();
    description.setType("text/plain");
    description.setValue(release.item().summary());
    entry.setDescription(description);
    entry.setAuthor(release.item().author());
    entry.setPublishedDate(Date.from(published));
    return entry;
  }

  private String rss(DemoFeeds.Feed feed, List<SyndEntry> entries) throws IOException {
    SyndFeed syndFeed = new SyndFeedImpl();
    syndFeed.setFeedType("rss_2.0");
    syndFeed.setTitle(feed.name());
    syndFeed.setLink(baseUrl() + "/");
    syndFeed.setDescription("Eurus demo feed (fictional items written for the demo)");
    syndFeed.setLanguage(feed.language());
    syndFeed.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(syndFeed);
    } catch (FeedException e) {
      throw new IOException("cannot write demo feed " + feed.id() + ": " + e.getMessage(), e);
    }
  }

  private void serveArticle(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().substring("/articles/".length()).split("/");
    DemoFeeds.Item item = null;
    if (parts.length == 2) {
      String feedId = parts[0];
      String index = parts[1].replaceFirst("-r\\d+$", "");
      item = demo.feeds().stream().filter(f -> f.id().equals(feedId)).findFirst()
          .filter(f -> index.matches("\\d+") && Integer.parseInt(index) < f.items().size())
          .map(f -> f.items().get(Integer.parseInt(index))).orElse(null);
    }
    if (item == null) {
      respond(exchange, 404, "text/plain; charset=utf-8", null, "no such demo article");
      return;
    }
    Document page = Document.createShell("");
    page.title(item.title());
    page.body().appendElement("article").appendElement("h1").text(item.title()).parent().appendElement("p").text(item.summary());
    respond(exchange, 200, "text/html; charset=utf-8", null, page.outerHtml());
  }

  private static void respond(HttpExchange exchange, int status, String type, String etag, String body) throws IOException {
    if (type != null) {
      exchange.getResponseHeaders().set("Content-Type", type);
    }
    if (etag != null) {
      exchange.getResponseHeaders().set("ETag", etag);
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public boolean healthy() {
    return server != null;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
