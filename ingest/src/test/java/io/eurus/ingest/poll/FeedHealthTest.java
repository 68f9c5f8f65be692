package io.eurus.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.AlertType;
import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.events.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedHealthTest {

  private static final FeedDefinition FEED = new FeedDefinition(1, "meduza-en", "https://meduza.io/rss/en/all", "Meduza",
      "russia-independent", "en", Duration.ofMinutes(10), false);
  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  private final FeedHealth health = new FeedHealth(Duration.ofMinutes(30), 6.0, Duration.ofMinutes(180));

  @Test
  void failingLongerThanTheThresholdAlertsOnceAndRecoveryEndsTheEpisode() {
    FeedState s = FeedState.initial(FEED.id());
    s = health.failed(s, T0, "HTTP 503 Service Unavailable", null);               // failing since T0
    FeedHealth.Checked early = health.check(FEED, health.failed(s, T0.plus(Duration.ofMinutes(20)), "HTTP 503 Service Unavailable", null),
        T0.plus(Duration.ofMinutes(20)));                                          // 20 min: not yet
    FeedState at31 = health.failed(early.state(), T0.plus(Duration.ofMinutes(31)), "connection refused", null);
    FeedHealth.Checked due = health.check(FEED, at31, T0.plus(Duration.ofMinutes(31)));   // 31 min: alert
    FeedHealth.Checked again = health.check(FEED, health.failed(due.state(), T0.plus(Duration.ofMinutes(41)), "connection refused", null),
        T0.plus(Duration.ofMinutes(41)));                                          // same episode: no repeat

    assertThat(early.alerts()).isEmpty();
    assertThat(due.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.FEED_FAILING);
      assertThat(alert.feedId()).isEqualTo("meduza-en");
      assertThat(alert.key()).isEqualTo("FEED_FAILING:meduza-en:" + T0.getEpochSecond());
      assertThat(alert.summary()).contains("31 min", "3 in a row", "connection refused");
    });
    assertThat(again.alerts()).isEmpty();

    FeedState recovered = health.succeeded(again.state(), T0.plus(Duration.ofMinutes(50)), null, null, List.of(), List.of(), false, null);
    assertThat(recovered.failingSince()).isNull();
    assertThat(recovered.consecutiveFailures()).isZero();
    FeedState failingAgain = health.failed(recovered, T0.plus(Duration.ofMinutes(60)), "timed out", null);
    assertThat(health.check(FEED, failingAgain, T0.plus(Duration.ofMinutes(95))).alerts()).as("a new episode alerts again").hasSize(1);
  }

  @Test
  void silenceMuchLongerThanTheUsualRhythmAlertsOnce() {
    List<Instant> hourly = List.of(T0, T0.minusSeconds(3600), T0.minusSeconds(7200), T0.minusSeconds(10800), T0.minusSeconds(14400));
    FeedState s = health.succeeded(FeedState.initial(FEED.id()), T0, null, null, List.of(), hourly, false, null);

    FeedHealth.Checked fiveHours = health.check(FEED, s, T0.plus(Duration.ofHours(5)));    // 5 h < 6 × 1 h
    FeedHealth.Checked sevenHours = health.check(FEED, s, T0.plus(Duration.ofHours(7)));   // 7 h > 6 × 1 h
    FeedHealth.Checked later = health.check(FEED, sevenHours.state(), T0.plus(Duration.ofHours(9)));

    assertThat(fiveHours.alerts()).isEmpty();
    assertThat(sevenHours.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.FEED_SILENT);
      assertThat(alert.summary()).contains("nothing for 420 min", "every 60 min");
    });
    assertThat(later.alerts()).isEmpty();
  }

  @Test
  void busyFeedIsNotCalledSilentBeforeTheMinimum() {
    List<Instant> everyMinute = List.of(T0, T0.minusSeconds(60), T0.minusSeconds(120), T0.minusSeconds(180), T0.minusSeconds(240));
    FeedState s = health.succeeded(FeedState.initial(FEED.id()), T0, null, null, List.of(), everyMinute, false, null);

    assertThat(health.check(FEED, s, T0.plus(Duration.ofMinutes(60))).alerts()).as("60 min > 6 × 1 min, but < 180 min").isEmpty();
    assertThat(health.check(FEED, s, T0.plus(Duration.ofMinutes(181))).alerts()).hasSize(1);
  }

  @Test
  void statusCarriesRhythmNewestItemErrorAndMalformedFlag() {
    List<Instant> items = List.of(T0, T0.minusSeconds(1800), T0.minusSeconds(3600));
    FeedState ok = health.succeeded(FeedState.initial(FEED.id()), T0, "\"e\"", null, List.of(), items, true, "1 unescaped '&' escaped");
    FeedState failed = health.failed(ok, T0.plusSeconds(600), "HTTP 429 Too Many Requests, retry after 120 s", Duration.ofSeconds(120));

    FeedStatus status = health.status(FEED, failed, T0.plusSeconds(600), 0);

    assertThat(status.averageItemIntervalSeconds()).isEqualTo(1800.0);
    assertThat(status.itemsPerDay()).isEqualTo(48.0);
    assertThat(status.newestItem()).isEqualTo(T0);
    assertThat(status.lastSuccess()).isEqualTo(T0);
    assertThat(status.lastErrorReason()).isEqualTo("HTTP 429 Too Many Requests, retry after 120 s");
    assertThat(status.consecutiveFailures()).isEqualTo(1);
    assertThat(status.malformed()).isTrue();
    assertThat(status.recovered()).isEqualTo("1 unescaped '&' escaped");
    assertThat(failed.notBefore()).isEqualTo(T0.plusSeconds(720));
  }
}
