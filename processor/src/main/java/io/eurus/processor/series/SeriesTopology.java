package io.eurus.processor.series;

import io.eurus.events.Alert;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.ToneWindow;
import io.eurus.events.Topics;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.stories.StoryClustering;
import io.eurus.processor.stories.StoryStores;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Part 2 of the processor: windows per series on event time → {@code tone.windows}, and the TONE_SHIFT,
 * VOLUME_SPIKE and TONE_DIVERGENCE detectors → {@code alerts}. {@code ProcessorTopology} wires it after
 * enrichment and story clustering. The stream must be the one {@link StoryClustering#apply} returned: the windows
 * read its story store to count each story once per series and to cite stories as evidence.
 */
public final class SeriesTopology {

  /** Metric of articles dropped because their window had closed: group and name, as Kafka Streams reports it. */
  public static final String LATE_METRIC_GROUP = "stream-" + SeriesProcessor.METRIC_SCOPE + "-metrics";
  public static final String LATE_METRIC_TOTAL = SeriesProcessor.LATE_METRIC + "-total";

  private SeriesTopology() {
  }

  public static void build(StreamsBuilder builder, KStream<String, EnrichedArticle> clustered, DetectorConfig config) {
    builder.addStateStore(SeriesStores.windows());
    builder.addStateStore(SeriesStores.state());
    builder.addStateStore(SeriesStores.profile());
    KStream<String, SeriesOutput> out = clustered.process(() -> new SeriesProcessor(config), Named.as("series"),
        SeriesStores.WINDOWS, SeriesStores.STATE, SeriesStores.PROFILE, StoryStores.STORIES);
    out.filter((key, value) -> value instanceof SeriesOutput.Window, Named.as("series-windows-only"))
        .mapValues(value -> ((SeriesOutput.Window) value).window(), Named.as("series-window"))
        .to(Topics.TONE_WINDOWS.name(), Produced.<String, ToneWindow>with(Topics.TONE_WINDOWS.keySerde(),
            Topics.TONE_WINDOWS.valueSerde()).withName("tone.windows"));
    out.filter((key, value) -> value instanceof SeriesOutput.Raised, Named.as("series-alerts-only"))
        .mapValues(value -> ((SeriesOutput.Raised) value).alert(), Named.as("series-alert"))
        .to(Topics.ALERTS.name(), Produced.<String, Alert>with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("series-alerts"));
  }
}
