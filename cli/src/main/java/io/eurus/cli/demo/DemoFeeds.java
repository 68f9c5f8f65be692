package io.eurus.cli.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The bundled demo feeds and their hand-written items (fictional, written for this project). */
public record DemoFeeds(List<Feed> feeds) {

  /** @param down whether the demo's server answers this feed with an error, so the desk sees a feed failing */
  public record Feed(String id, String name, String bloc, String language, boolean down, List<Item> items) {

    public Feed {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  public record Item(int phase, String title, String summary, String author) {
  }

  public static DemoFeeds bundled() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = DemoFeeds.class.getResourceAsStream("/demo/demo-feeds.yaml")) {
      return yaml.readValue(in, DemoFeeds.class);
    } catch (IOException e) {
      throw new IllegalStateException("bundled demo feeds are unreadable", e);
    }
  }
}
