package io.eurus.processor.series;

import io.eurus.events.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state of windows and detectors: small (a few records per series), so kept in memory and restored from
 * their changelogs on start. Fixed names: Kafka names the changelog topics after them.
 */
final class SeriesStores {

  /** {@code windowStart|series} → {@link OpenWindow}: windows still taking articles; ordered by start. */
  static final String WINDOWS = "series-windows";
  /** series name → {@link SeriesState}. */
  static final String STATE = "series-state";
  /** profile id → {@link ProfileState}. */
  static final String PROFILE = "series-profile";

  private SeriesStores() {
  }

  static StoreBuilder<KeyValueStore<String, OpenWindow>> windows() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WINDOWS), Serdes.String(), new JsonSerde<>(OpenWindow.class));
  }

  static StoreBuilder<KeyValueStore<String, SeriesState>> state() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STATE), Serdes.String(), new JsonSerde<>(SeriesState.class));
  }

  static StoreBuilder<KeyValueStore<String, ProfileState>> profile() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PROFILE), Serdes.String(), new JsonSerde<>(ProfileState.class));
  }

  /** The key of a window of a series: the start as 16 hex digits, sign bit flipped, so keys sort by start. */
  static String windowKey(long start, String series) {
    String hex = Long.toHexString(start ^ Long.MIN_VALUE);
    return "0".repeat(16 - hex.length()) + hex + "|" + series;
  }
}
