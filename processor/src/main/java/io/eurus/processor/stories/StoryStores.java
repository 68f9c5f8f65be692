package io.eurus.processor.stories;

import io.eurus.events.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The state of story clustering: one window store of stories, so that a story expires on its own once
 * {@code horizon} has passed in event time (RocksDB drops whole segments: no scan, no timer). The LSH index over
 * it lives on the heap ({@link LshIndex}), rebuilt from this store when the task starts: it is derived data, and
 * twenty RocksDB seeks per article were most of the step's cost. Fixed name: Kafka names the changelog after it.
 */
public final class StoryStores {

  /** Story id → {@link Story}, at the story's first event time. */
  public static final String STORIES = "stories";

  private StoryStores() {
  }

  public static StoreBuilder<WindowStore<String, Story>> stories(Duration horizon) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(STORIES, horizon, Duration.ofMillis(1), false),
        Serdes.String(), new JsonSerde<>(Story.class));
  }
}
