package io.eurus.ingest.testing;

import io.eurus.events.FeedDefinition;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Many RSS feeds on one real local HTTP server ({@code /feed/ID}); tests add and edit items while ingest polls. */
public final class ServedFeeds implements AutoCloseable {

  private final LocalHttpServer server;
  private final Map<String, List<Rss.Item>> feeds = new ConcurrentHashMap<>();

  public ServedFeeds() throws IOException {
    server = new LocalHttpServer().route("/feed/", exchange -> {
      String id = exchange.getRequestURI().getPath().substring("/feed/".length());
      List<Rss.Item> items = feeds.get(id);
      if (items == null) {
        LocalHttpServer.respond(exchange, 404, "text/plain", "no such feed");
      } else {
        LocalHttpServer.respond(exchange, 200, "application/rss+xml; charset=utf-8", Rss.of(new ArrayList<>(items)));
      }
    });
  }

  /** Adds a feed (empty) and returns its definition, polled every {@code interval}. */
  public FeedDefinition feed(String id, Duration interval) {
    feeds.putIfAbsent(id, new CopyOnWriteArrayList<>());
    return new FeedDefinition(FeedDefinition.SCHEMA_VERSION, id, server.url("/feed/" + id), "Feed " + id, "eu-media", "en", interval, false);
  }

  public void add(String feedId, String guid, String title) {
    feeds.get(feedId).add(0, new Rss.Item(guid, title, "Text of " + title));
  }

  public void edit(String feedId, String guid, String newTitle) {
    List<Rss.Item> items = feeds.get(feedId);
    items.replaceAll(item -> item.guid().equals(guid) ? new Rss.Item(guid, newTitle, "Text of " + newTitle) : item);
  }

  /** Requests so far (path and User-Agent tell which feed and which ingest instance). */
  public List<LocalHttpServer.Request> requests() {
    return server.requests();
  }

  @Override
  public void close() {
    server.close();
  }
}
