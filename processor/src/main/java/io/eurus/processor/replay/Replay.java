package io.eurus.processor.replay;

import io.eurus.events.Alert;
import io.eurus.events.Article;
import io.eurus.events.DeadLetter;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.ToneWindow;
import io.eurus.events.Topics;
import io.eurus.platform.settings.CommonSettings;
import io.eurus.processor.ArticleEnricher;
import io.eurus.processor.ProcessorService;
import io.eurus.processor.ProcessorSettings;
import io.eurus.processor.ProcessorSources;
import io.eurus.processor.ProcessorTopology;
import io.eurus.processor.coverage.EventTime;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.series.SeriesTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The processor's own topology, built by {@link ProcessorTopology#build} from the same checked files as the
 * service ({@link ProcessorSources.OpenProcessor}) and with the service's streams configuration, run over archived
 * articles in Kafka's {@link TopologyTestDriver}: one thread, no broker, state in a temporary folder. Feed the
 * articles in event-time order, as they would have arrived; {@link #finish} then moves stream time past the last
 * window's grace, so that it closes as it would have when the next article came. Nothing in the topology reads the
 * wall clock, so the same articles in the same order give the same alerts.
 */
public final class Replay implements AutoCloseable {

  /** Id of the clock article {@link #finish} sends: no text, so it is about nothing and only moves time on. */
  public static final String CLOCK_ID = "eurus-replay-clock";

  /**
   * What one article (or the final tick) led to.
   *
   * @param windows the windows it closed, as on {@code tone.windows}; empty unless the replay keeps windows
   */
  public record Step(List<Alert> alerts, List<DeadLetter> failures, List<ToneWindow> windows) {
  }

  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, Article> articles;
  private final TestOutputTopic<String, Alert> alerts;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  /** {@code tone.windows}, when the closed windows are wanted; else null. */
  private final TestOutputTopic<String, ToneWindow> windows;
  /** Every other topic the topology writes (enriched articles, windows, changelogs): read only to let go of it. */
  private final Map<String, TestOutputTopic<byte[], byte[]>> unread = new HashMap<>();
  private final long closeAfterMs;
  private long streamTime = Long.MIN_VALUE;
  /** The article being fed with its enrichment done ahead, which the topology's enrich step then takes. */
  private Enriched ahead;

  private record Enriched(Article article, EnrichedArticle enriched) {
  }

  public Replay(ProcessorSources.OpenProcessor processor) {
    this(processor, false);
  }

  /** @param keepWindows whether each step reports the windows it closed (the series, window by window) */
  public Replay(ProcessorSources.OpenProcessor processor, boolean keepWindows) {
    try {
      stateDir = Files.createTempDirectory("eurus-replay-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the replay's state folder", e);
    }
    Properties config = ProcessorService.streamsConfig(new ProcessorSettings(Map.of(
        ProcessorSettings.APPLICATION_ID, "eurus-replay",
        CommonSettings.BOOTSTRAP_SERVERS, "replay.invalid:9092",
        ProcessorSettings.STATE_DIR, stateDir.toString())));
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
    ArticleEnricher enricher = processor.enricher().enricher();
    ProcessorTopology.build(builder, article -> ahead != null && ahead.article().equals(article) ? ahead.enriched()
        : enricher.enrich(article), processor.detectors());
    driver = new TopologyTestDriver(builder.build(), config);
    articles = driver.createInputTopic(Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().serializer(),
        Topics.ARTICLES.valueSerde().serializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
        Topics.ALERTS.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(Topics.ARTICLES_DLQ.name(), Topics.ARTICLES_DLQ.keySerde().deserializer(),
        Topics.ARTICLES_DLQ.valueSerde().deserializer());
    windows = keepWindows ? driver.createOutputTopic(Topics.TONE_WINDOWS.name(),
        Topics.TONE_WINDOWS.keySerde().deserializer(), Topics.TONE_WINDOWS.valueSerde().deserializer()) : null;
    DetectorConfig detectors = processor.detectors();
    closeAfterMs = detectors.windows().sizeMs() + detectors.windows().graceMs();
  }

  /**
   * Sends one article through the topology, stamped with its fetch time as ingest's records are.
   *
   * @throws IllegalArgumentException when it has no time at all: it could not be placed in event time
   * @return the alerts it raised (rule matches, and whatever closing the windows it passed found), in order
   */
  public Step feed(Article article) {
    long time = EventTime.of(article, Long.MIN_VALUE);
    if (time == Long.MIN_VALUE) {
      throw new IllegalArgumentException("article " + article.id() + " has neither a published nor a fetched time");
    }
    streamTime = Math.max(streamTime, time);
    Instant stamp = article.fetched() != null ? article.fetched() : Instant.ofEpochMilli(time);
    articles.pipeInput(article.id(), article, stamp);
    return drain();
  }

  /**
   * Sends one article through the topology whose enrichment was done ahead, on another thread: the enricher is
   * pure and thread-safe, so {@code enriched} is what the topology's own enrich step would compute, only sooner.
   * The driver runs on one thread; this lets enrichment, the larger part of the work, use the other cores.
   *
   * @param enriched {@code ArticleEnricher.enrich(article)} of the enricher this replay was opened with
   */
  public Step feed(Article article, EnrichedArticle enriched) {
    ahead = new Enriched(article, enriched);
    try {
      return feed(article);
    } finally {
      ahead = null;
    }
  }

  /** Moves stream time past the last open window's end and grace, so that it closes: the replay's last word. */
  public Step finish() {
    if (streamTime == Long.MIN_VALUE) {
      return new Step(List.of(), List.of(), List.of());
    }
    Instant tick = Instant.ofEpochMilli(streamTime + closeAfterMs);
    return feed(Article.builder()
        .id(CLOCK_ID)
        .revision(1)
        .title("")
        .text("")
        .language("und")
        .published(tick)
        .fetched(tick)
        .build());
  }

  /** Articles that came after their window had closed (beyond the grace), dropped from the series. */
  public long lateArticles() {
    return Math.round(driver.metrics().entrySet().stream()
        .filter(entry -> entry.getKey().group().equals(SeriesTopology.LATE_METRIC_GROUP)
            && entry.getKey().name().equals(SeriesTopology.LATE_METRIC_TOTAL))
        .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue()).sum());
  }

  private Step drain() {
    // The driver warns about a topic nothing was written to yet: read only the topics written to.
    Set<String> written = driver.producedTopicNames();
    List<Alert> raised = written.contains(Topics.ALERTS.name()) ? alerts.readValuesToList() : List.of();
    List<DeadLetter> failed = written.contains(Topics.ARTICLES_DLQ.name()) ? deadLetters.readValuesToList() : List.of();
    List<ToneWindow> closed = windows != null && written.contains(Topics.TONE_WINDOWS.name())
        ? windows.readValuesToList().stream().filter(ToneWindow::closed).toList() : List.of();
    for (String topic : written) {
      if (!topic.equals(Topics.ALERTS.name()) && !topic.equals(Topics.ARTICLES_DLQ.name())
          && !(windows != null && topic.equals(Topics.TONE_WINDOWS.name()))) {
        unread.computeIfAbsent(topic, name -> driver.createOutputTopic(name, Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer())).readRecordsToList();
      }
    }
    return new Step(raised, failed, closed);
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      try (var paths = Files.walk(stateDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary folder: the system's clean-up takes what is left
      }
    }
  }
}
