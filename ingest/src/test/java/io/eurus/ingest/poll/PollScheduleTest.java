package io.eurus.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
  private static final FeedDefinition FEED = new FeedDefinition(1, "f", "https://x.example/rss", "F", "eu-media", "en",
      Duration.ofMinutes(10), false);
  private final PollSchedule schedule = new PollSchedule(Duration.ofMinutes(60), new SplittableRandom(7));
  private final FeedHealth health = new FeedHealth(Duration.ofMinutes(30), 6, Duration.ofHours(3));

  @Test
  void healthyFeedIsPolledEveryIntervalWithinTenPercentJitterAndTheDelaysDiffer() {
    FeedState healthy = health.succeeded(FeedState.initial("f"), NOW, null, null, java.util.List.of(), java.util.List.of(), false, null);

    Duration a = schedule.after(FEED, healthy, NOW);
    Duration b = schedule.after(FEED, healthy, NOW);

    assertThat(a).isBetween(Duration.ofSeconds(540), Duration.ofSeconds(660));
    assertThat(b).isBetween(Duration.ofSeconds(540), Duration.ofSeconds(660)).isNotEqualTo(a);
  }

  @Test
  void failuresDoubleTheWaitUpToTheCap() {
    FeedState s = FeedState.initial("f");
    s = health.failed(s, NOW, "timed out", null);
    Duration one = schedule.after(FEED, s, NOW);                        // 20 min ± 10%
    s = health.failed(s, NOW, "timed out", null);
    Duration two = schedule.after(FEED, s, NOW);                        // 40 min ± 10%
    for (int i = 0; i < 10; i++) {
      s = health.failed(s, NOW, "timed out", null);
    }
    Duration many = schedule.after(FEED, s, NOW);                       // capped at 60 min ± 10%

    assertThat(one).isBetween(Duration.ofMinutes(18), Duration.ofMinutes(22));
    assertThat(two).isBetween(Duration.ofMinutes(36), Duration.ofMinutes(44));
    assertThat(many).isBetween(Duration.ofMinutes(54), Duration.ofMinutes(66));
  }

  @Test
  void retryAfterLongerThanTheScheduleIsHonoured() {
    FeedState s = health.failed(FeedState.initial("f"), NOW, "HTTP 503 Service Unavailable", Duration.ofHours(2));

    assertThat(schedule.after(FEED, s, NOW)).isEqualTo(Duration.ofHours(2));
    assertThat(schedule.first(FEED, s, NOW.plusSeconds(60))).isEqualTo(Duration.ofHours(2).minusSeconds(60));
  }

  @Test
  void firstPollOfANewFeedComesWithinTenSecondsAndAKnownFeedKeepsItsRhythm() {
    FeedState polledTwoMinutesAgo = health.succeeded(FeedState.initial("f"), NOW.minusSeconds(120), null, null,
        java.util.List.of(), java.util.List.of(), false, null);

    assertThat(schedule.first(FEED, FeedState.initial("f"), NOW)).isLessThan(Duration.ofSeconds(10));
    assertThat(schedule.first(FEED, polledTwoMinutesAgo, NOW)).isBetween(Duration.ofSeconds(480), Duration.ofSeconds(600));
  }
}
