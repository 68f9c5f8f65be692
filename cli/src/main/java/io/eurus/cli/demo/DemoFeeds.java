package io.eurus.cli.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bundled demo feeds (written for this project, fictional) and the order in which items are released. */
public record DemoFeeds(List<Feed> feeds) {

  public record Feed(String id, String name, String bloc, String language, List<Item> items) {
  }

  public record Item(int phase, String title, String summary, String author) {
  }

  /** One item in the release order: the feed, its position in that feed, and the item. */
  public record Release(Feed feed, int index, Item item) {
  }

  public static DemoFeeds bundled() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = DemoFeeds.class.getResourceAsStream("/demo/demo-feeds.yaml")) {
      return yaml.readValue(in, DemoFeeds.class);
    } catch (IOException e) {
      throw new IllegalStateException("bundled demo feeds are unreadable", e);
    }
  }

  /**
   * All items, interleaved so that every feed advances through its story at the same pace: an item's
   * place is its relative position in its own feed.
   */
  public List<Release> releaseOrder() {
    List<Release> order = new ArrayList<>();
    for (Feed feed : feeds) {
      for (int i = 0; i < feed.items().size(); i++) {
        order.add(new Release(feed, i, feed.items().get(i)));
      }
    }
    order.sort(Comparator.comparingDouble((Release r) -> (r.index() + 0.5) / r.feed().items().size())
        .thenComparing(r -> r.feed().id()));
    return List.copyOf(order);
  }
}
