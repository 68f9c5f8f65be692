package io.eurus.processor.storyalerts;

import io.eurus.events.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The alerts of stories as last sent, one per story, kept as long as the story itself takes articles (its horizon
 * in event time): a window store at the story's first event time, so that what a story's alert said expires with
 * the story, with no scan and no timer. Fixed name: Kafka names the changelog after it.
 */
final class StoryAlertStores {

  /** Story id → {@link StoryAlertState}, at the story's first event time. */
  static final String STORY_ALERTS = "story-alerts";

  private StoryAlertStores() {
  }

  static StoreBuilder<WindowStore<String, StoryAlertState>> storyAlerts(Duration horizon) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(STORY_ALERTS, horizon, Duration.ofMillis(1), false),
        Serdes.String(), new JsonSerde<>(StoryAlertState.class));
  }
}
