package io.eurus.processor.storyalerts;

import io.eurus.events.Alert;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.Topics;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.stories.StoryClustering;
import io.eurus.processor.stories.StoryStores;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Alerts about stories on {@code alerts}: RULE_MATCH when a story's articles match the desk's rules — one alert per
 * story listing every rule, however many articles and rules — and BREAKING_STORY when a story about the
 * relationship is picked up by many sources fast; each updated (next revision) while the story grows. The stream
 * must be the one {@link StoryClustering#apply} returned: the alerts read its story store.
 */
public final class StoryAlerts {

  private StoryAlerts() {
  }

  public static void apply(StreamsBuilder builder, KStream<String, EnrichedArticle> clustered, DetectorConfig.Stories config) {
    builder.addStateStore(StoryAlertStores.storyAlerts(config.horizon()));
    clustered.process(() -> new StoryAlertProcessor(config), Named.as("story-alerts"), StoryAlertStores.STORY_ALERTS,
            StoryStores.STORIES)
        .to(Topics.ALERTS.name(), Produced.<String, Alert>with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("story-alerts-out"));
  }
}
