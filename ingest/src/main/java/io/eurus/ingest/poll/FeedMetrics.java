package io.eurus.ingest.poll;

import io.eurus.events.FeedStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics of ingest: polls by result, articles and alerts published, and per feed (labels
 * {@code feed} and {@code bloc}) its last success, consecutive failures, malformed flag and items per day.
 */
public final class FeedMetrics {

  private final MeterRegistry registry;
  private final Map<PollOutcome.Result, Counter> polls = new ConcurrentHashMap<>();
  private final Counter articles;
  private final Counter alerts;
  private final Map<String, PerFeed> feeds = new ConcurrentHashMap<>();

  public FeedMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (PollOutcome.Result result : PollOutcome.Result.values()) {
      polls.put(result, Counter.builder("eurus_ingest_polls").tag("result", result.name().toLowerCase())
          .description("Feed polls by result: modified (200), not_modified (304), failed").register(registry));
    }
    this.articles = Counter.builder("eurus_ingest_articles_published").description("New and edited articles published")
        .register(registry);
    this.alerts = Counter.builder("eurus_ingest_feed_alerts").description("FEED_SILENT and FEED_FAILING alerts raised")
        .register(registry);
  }

  /** Counts a committed poll and updates its feed's gauges. */
  public void committed(PollOutcome outcome) {
    polls.get(outcome.result()).increment();
    articles.increment(outcome.articles().size());
    alerts.increment(outcome.alerts().size());
    feeds.computeIfAbsent(outcome.feed().id(), id -> new PerFeed(id, outcome.feed().bloc())).status = outcome.status();
  }

  /** Drops the gauges of a feed this instance no longer polls. */
  public void forget(String feedId) {
    PerFeed gone = feeds.remove(feedId);
    if (gone != null) {
      gone.meters.forEach(registry::remove);
    }
  }

  private final class PerFeed {
    private volatile FeedStatus status;
    private final List<Gauge> meters;

    PerFeed(String feedId, String bloc) {
      Tags tags = Tags.of("feed", feedId, "bloc", bloc);
      meters = List.of(
          Gauge.builder("eurus_feed_last_success_timestamp_seconds", this,
              f -> f.status == null || f.status.lastSuccess() == null ? Double.NaN : f.status.lastSuccess().getEpochSecond())
              .tags(tags).description("When the feed was last polled successfully").register(registry),
          Gauge.builder("eurus_feed_consecutive_failures", this, f -> f.status == null ? 0 : f.status.consecutiveFailures())
              .tags(tags).description("Failed polls in a row").register(registry),
          Gauge.builder("eurus_feed_malformed", this, f -> f.status != null && f.status.malformed() ? 1 : 0)
              .tags(tags).description("1 when the last body needed repairs before it parsed").register(registry),
          Gauge.builder("eurus_feed_items_per_day", this, f -> f.status == null ? 0 : f.status.itemsPerDay())
              .tags(tags).description("New items per day, from the feed's recent rhythm").register(registry));
    }
  }
}
