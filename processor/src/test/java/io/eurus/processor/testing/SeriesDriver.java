package io.eurus.processor.testing;

import io.eurus.events.Alert;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.ToneWindow;
import io.eurus.events.Topics;
import io.eurus.processor.ProcessorTopology;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.stories.Story;
import io.eurus.processor.stories.StoryStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Part 2 of the topology on a {@link TopologyTestDriver}, fed with enriched articles as part 1 emits them: clustering
 * then windows and detectors, wired by the service's own {@link ProcessorTopology#afterEnrichment}. Outputs are collected as they come.
 */
public final class SeriesDriver implements AutoCloseable {

  /** Where the tests feed enriched articles in; in the service it is part 1's enriched stream. */
  public static final String INPUT = "test.enriched";

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, EnrichedArticle> input;
  private final TestOutputTopic<String, EnrichedArticle> clustered;
  private final TestOutputTopic<String, ToneWindow> windows;
  private final TestOutputTopic<String, Alert> alerts;
  private final List<EnrichedArticle> seenClustered = new ArrayList<>();
  private final List<ToneWindow> seenWindows = new ArrayList<>();
  private final List<Alert> seenAlerts = new ArrayList<>();

  public SeriesDriver(DetectorConfig config, Path stateDir) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedArticle> enriched = builder.stream(INPUT,
        Consumed.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde()));
    ProcessorTopology.afterEnrichment(builder, enriched, config);

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "series-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put("processing.exception.handler.global.enabled", true);
    driver = new TopologyTestDriver(builder.build(), props);
    input = driver.createInputTopic(INPUT, Topics.ARTICLES_ENRICHED.keySerde().serializer(),
        Topics.ARTICLES_ENRICHED.valueSerde().serializer());
    clustered = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(), Topics.ARTICLES_ENRICHED.keySerde().deserializer(),
        Topics.ARTICLES_ENRICHED.valueSerde().deserializer());
    windows = driver.createOutputTopic(Topics.TONE_WINDOWS.name(), Topics.TONE_WINDOWS.keySerde().deserializer(),
        Topics.TONE_WINDOWS.valueSerde().deserializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
        Topics.ALERTS.valueSerde().deserializer());
  }

  /** Pipes articles in, each with its fetch time as the record timestamp (as ingest produces them). */
  public SeriesDriver pipe(EnrichedArticle... articles) {
    for (EnrichedArticle article : articles) {
      input.pipeInput(article.article().id(), article, article.article().fetched());
    }
    drain();
    return this;
  }

  /** Pipes one article written to Kafka at {@code reachedKafka}, whatever its own times say. */
  public SeriesDriver pipe(Instant reachedKafka, EnrichedArticle article) {
    input.pipeInput(article.article().id(), article, reachedKafka);
    drain();
    return this;
  }

  public SeriesDriver pipe(List<EnrichedArticle> articles) {
    return pipe(articles.toArray(EnrichedArticle[]::new));
  }

  public List<EnrichedArticle> clustered() {
    return List.copyOf(seenClustered);
  }

  public List<ToneWindow> windows() {
    return List.copyOf(seenWindows);
  }

  /** The closed windows of one series, in order. */
  public List<ToneWindow> closed(String series) {
    return seenWindows.stream().filter(ToneWindow::closed).filter(w -> w.series().equals(series)).toList();
  }

  public List<Alert> alerts() {
    return List.copyOf(seenAlerts);
  }

  /** A Kafka Streams metric's value, summed over its tags (tasks, threads), by group and name. */
  public double metric(String group, String name) {
    double sum = 0;
    for (var entry : driver.metrics().entrySet()) {
      MetricName metricName = entry.getKey();
      Metric metric = entry.getValue();
      if (metricName.group().equals(group) && metricName.name().equals(name)) {
        sum += ((Number) metric.metricValue()).doubleValue();
      }
    }
    return sum;
  }

  /** The story as the store holds it now, or null. */
  public Story story(String storyId) {
    WindowStore<String, Story> stories = driver.getWindowStore(StoryStores.STORIES);
    try (WindowStoreIterator<Story> found = stories.fetch(storyId, 0L, Long.MAX_VALUE)) {
      return found.hasNext() ? found.next().value : null;
    }
  }

  /** The story id each article got, by article id. */
  public String storyOf(String articleId) {
    EnrichedArticle last = seenClustered.stream().filter(a -> a.article().id().equals(articleId)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no clustered article " + articleId));
    return last.storyId();
  }

  private void drain() {
    seenClustered.addAll(clustered.readValuesToList());
    seenWindows.addAll(windows.readValuesToList());
    seenAlerts.addAll(alerts.readValuesToList());
  }

  @Override
  public void close() {
    driver.close();
  }
}
