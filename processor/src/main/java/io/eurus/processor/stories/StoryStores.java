package io.eurus.processor.stories;

import io.eurus.events.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The state of story clustering: two window stores, so that a story and its index expire on their own once
 * {@code horizon} has passed in event time (RocksDB drops whole segments; no scan, no timer). Fixed names:
 * Kafka names the changelog topics after them.
 */
public final class StoryStores {

  /** Story id → {@link Story}, at the story's first event time. */
  public static final String STORIES = "stories";
  /** LSH bucket → id of the story whose first article fell in it, at the story's first event time. */
  public static final String BUCKETS = "stories-lsh";

  private StoryStores() {
  }

  public static StoreBuilder<WindowStore<String, Story>> stories(Duration horizon) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(STORIES, retention(horizon), Duration.ofMillis(1), false),
        Serdes.String(), new JsonSerde<>(Story.class));
  }

  public static StoreBuilder<WindowStore<Long, String>> buckets(Duration horizon) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(BUCKETS, retention(horizon), Duration.ofMillis(1), false),
        Serdes.Long(), Serdes.String());
  }

  /**
   * A story is kept while stream time is within {@code horizon} of its first article: RocksDB drops a segment
   * only once all of it is older than that, so what an article may still join is always there.
   */
  static Duration retention(Duration horizon) {
    return horizon;
  }
}
