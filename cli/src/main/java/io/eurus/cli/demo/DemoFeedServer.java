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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Document;

/**
 * Serves the demo feeds as RSS 2.0 on loopback, releasing the items of the {@link DemoTimeline} on the demo's
 * compressed clock ({@link DemoClock}), so that {@code eurus run --demo} shows every detector at work within a minute,
 * offline. The clock starts once ingest has asked for every feed (or after {@link #START_AT_LATEST}): items released
 * before ingest polls would reach it out of order, later than the windows' grace. An item is dated when the demo clock
 * passed it, in the past of real time while the demo catches up, then in real time; after the scripted hours,
 * everyday coverage follows every {@code interval}. A feed marked {@code down} answers 503, for the desk to see a feed
 * failing. Supports conditional GET (ETag), like a polite real server.
 */
public final class DemoFeedServer implements Service {

  private static final int ITEMS_PER_FEED = 50;
  /** The demo clock starts then at the latest, even if some feed has not been asked for. */
  static final Duration START_AT_LATEST = Duration.ofSeconds(20);

  private final DemoFeeds demo;
  private final DemoTimeline timeline;
  private final Map<String, List<DemoTimeline.Timed>> scheduled = new HashMap<>();
  private final Map<String, DemoTimeline.Timed> byGuid = new ConcurrentHashMap<>();
  private final Duration interval;
  private final Clock clock;
  private final Set<String> asked = ConcurrentHashMap.newKeySet();
  private volatile DemoClock demoClock;
  private Instant serverStarted;
  private HttpServer server;

  public DemoFeedServer(DemoFeeds demo, DemoTimeline timeline, Duration interval, Clock clock) {
    this.demo = demo;
    this.timeline = timeline;
    this.interval = interval;
    this.clock = clock;
    for (DemoTimeline.Timed item : timeline.schedule(demo)) {
      scheduled.computeIfAbsent(item.feedId(), id -> new ArrayList<>()).add(item);
      byGuid.put(item.guid(), item);
    }
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
    serverStarted = clock.instant();
    server.createContext("/feeds/", this::serveFeed);
    server.createContext("/articles/", this::serveArticle);
    server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "eurus-demo-feeds");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  /**
   * Definitions of the demo feeds, pointing at this server, polled every {@code pollInterval}; a feed that is down a
   * fifth less often. Ingest waits twice as long after each failure (2, 4, 8, 16, 32 intervals, each ±10%): at 1.2 s
   * the sixth failed poll comes 67–82 s after the first, past FEED_FAILING's minute whatever the jitter; at 1 s it
   * could come at 56 s, and the alert a minute later.
   */
  public List<FeedDefinition> feedDefinitions(Duration pollInterval) {
    return demo.feeds().stream()
        .map(feed -> new FeedDefinition(FeedDefinition.SCHEMA_VERSION, feed.id(), baseUrl() + "/feeds/" + feed.id() + ".xml",
            feed.name(), feed.bloc(), feed.language(), feed.down() ? pollInterval.multipliedBy(6).dividedBy(5) : pollInterval,
            false))
        .toList();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The demo clock, once it has started; null before. */
  DemoClock demoClock() {
    return demoClock;
  }

  /** Starts the demo clock when every feed has been asked for, or when waiting longer would keep the desk waiting. */
  private synchronized DemoClock demoClockAt(Instant now) {
    if (demoClock == null && (asked.size() >= demo.feeds().size()
        || Duration.between(serverStarted, now).compareTo(START_AT_LATEST) >= 0)) {
      demoClock = DemoClock.catchingUp(now, timeline.length(), timeline.speed());
    }
    return demoClock;
  }

  /** The items of {@code feedId} out at {@code now}, newest first, each with the time it is dated. */
  List<Dated> released(String feedId, Instant now) {
    DemoClock started = demoClockAt(now);
    List<Dated> out = new ArrayList<>();
    if (started == null) {
      return out;
    }
    Instant demoNow = started.at(now);
    Instant end = started.demoStart().plus(timeline.length());
    Instant realEnd = started.realAt(end);
    if (now.isAfter(realEnd)) {
      long count = Duration.between(realEnd, now).toMillis() / Math.max(1, interval.toMillis());
      for (long n = count - 1; n >= 0 && out.size() < ITEMS_PER_FEED; n--) {
        DemoTimeline.Timed item = timeline.afterwards(demo, n);
        if (item.feedId().equals(feedId)) {
          byGuid.putIfAbsent(item.guid(), item);
          out.add(new Dated(item, realEnd.plus(interval.multipliedBy(n + 1))));
        }
      }
    }
    List<DemoTimeline.Timed> items = scheduled.getOrDefault(feedId, List.of());
    for (int i = items.size() - 1; i >= 0 && out.size() < ITEMS_PER_FEED; i--) {
      Instant dated = started.demoStart().plus(items.get(i).at());
      if (!dated.isAfter(demoNow)) {
        out.add(new Dated(items.get(i), dated));
      }
    }
    return out;
  }

  /** An item as served: dated on the demo clock. */
  record Dated(DemoTimeline.Timed item, Instant published) {
  }

  private void serveFeed(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String feedId = path.substring("/feeds/".length()).replaceFirst("\\.xml$", "");
    DemoFeeds.Feed feed = demo.feeds().stream().filter(f -> f.id().equals(feedId)).findFirst().orElse(null);
    if (feed == null) {
      respond(exchange, 404, "text/plain; charset=utf-8", null, "no such demo feed: " + feedId);
      return;
    }
    asked.add(feedId);
    if (feed.down()) {
      respond(exchange, 503, "text/plain; charset=utf-8", null, "this demo feed's server is down");
      return;
    }
    List<SyndEntry> entries = new ArrayList<>();
    for (Dated dated : released(feedId, clock.instant())) {
      entries.add(entry(feed, dated));
    }
    String etag = "\"" + feedId + "-" + entries.size() + "-" + (entries.isEmpty() ? "" : entries.get(0).getUri().hashCode()) + "\"";
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      respond(exchange, 304, null, etag, null);
      return;
    }
    respond(exchange, 200, "application/rss+xml; charset=utf-8", etag, rss(feed, entries));
  }

  private SyndEntry entry(DemoFeeds.Feed feed, Dated dated) {
    DemoTimeline.Timed timed = dated.item();
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitle(timed.item().title());
    entry.setLink(baseUrl() + "/articles/" + URLEncoder.encode(timed.guid(), StandardCharsets.UTF_8));
    entry.setUri("eurus-demo:" + feed.id() + ":" + timed.guid());
    SyndContentImpl description = new SyndContentImpl();
    description.setType("text/plain");
    description.setValue(timed.item().summary());
    entry.setDescription(description);
    entry.setAuthor(timed.item().author());
    entry.setPublishedDate(Date.from(dated.published()));
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
    String guid = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/articles/".length()), StandardCharsets.UTF_8);
    DemoTimeline.Timed timed = byGuid.get(guid);
    if (timed == null) {
      respond(exchange, 404, "text/plain; charset=utf-8", null, "no such demo article");
      return;
    }
    Document page = Document.createShell("");
    page.title(timed.item().title());
    page.body().appendElement("article").appendElement("h1").text(timed.item().title()).parent().appendElement("p")
        .text(timed.item().summary());
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
