package io.eurus.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.events.FeedStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number of a feed's status is a Prometheus series per feed and bloc. */
class FeedMetricsTest {

  private static final Instant SUCCESS = Instant.parse("2026-11-24T08:00:00Z");
  private static final Instant ERROR = Instant.parse("2026-11-24T08:10:00Z");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final FeedMetrics metrics = new FeedMetrics(registry);

  private static PollOutcome failedPoll(String bloc) {
    FeedDefinition feed = new FeedDefinition(1, "tass-en", "https://tass.com/rss/v2.xml", "TASS", bloc, "en", Duration.ofMinutes(5), false);
    FeedStatus status = FeedStatus.builder()
        .schemaVersion(1)
        .feedId(feed.id())
        .url(feed.url())
        .bloc(bloc)
        .checkedAt(ERROR)
        .lastSuccess(SUCCESS)
        .lastError(ERROR)
        .lastErrorReason("HTTP 503 Service Unavailable")
        .consecutiveFailures(2)
        .itemsInLastPoll(0)
        .itemsPerDay(48.0)
        .averageItemIntervalSeconds(1800.0)
        .newestItem(SUCCESS)
        .malformed(true)
        .recovered("1 unescaped '&' escaped")
        .build();
    return new PollOutcome(feed, PollOutcome.Result.FAILED, List.of(), FeedState.initial(feed.id()), true, status, List.of());
  }

  @Test
  void lastSuccessLastErrorFailuresMalformedItemsPerDayAndItemIntervalAreSeriesPerFeed() {
    metrics.committed(failedPoll("russia-state"));

    assertThat(registry.scrape()).contains(
        "eurus_feed_last_success_timestamp_seconds{bloc=\"russia-state\",feed=\"tass-en\"} " + (double) SUCCESS.getEpochSecond(),
        "eurus_feed_last_error_timestamp_seconds{bloc=\"russia-state\",feed=\"tass-en\"} " + (double) ERROR.getEpochSecond(),
        "eurus_feed_consecutive_failures{bloc=\"russia-state\",feed=\"tass-en\"} 2.0",
        "eurus_feed_malformed{bloc=\"russia-state\",feed=\"tass-en\"} 1.0",
        "eurus_feed_items_per_day{bloc=\"russia-state\",feed=\"tass-en\"} 48.0",
        "eurus_feed_average_item_interval_seconds{bloc=\"russia-state\",feed=\"tass-en\"} 1800.0",
        "eurus_ingest_polls_total{result=\"failed\"} 1.0");
  }

  @Test
  void feedMovedToAnotherBlocKeepsNoSeriesUnderItsOldBloc() {
    metrics.committed(failedPoll("russia-state"));
    metrics.committed(failedPoll("international"));

    assertThat(registry.scrape()).contains("eurus_feed_consecutive_failures{bloc=\"international\",feed=\"tass-en\"} 2.0")
        .doesNotContain("bloc=\"russia-state\"");
  }
}
