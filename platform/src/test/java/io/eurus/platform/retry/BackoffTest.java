package io.eurus.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void theWaitDoublesWithEachFailureInARowUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), 0);

    assertThat(backoff.nominal(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.nominal(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.nominal(8)).isEqualTo(Duration.ofMillis(25_600));
    assertThat(backoff.nominal(9)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.nominal(1_000_000)).as("no overflow after a day of failures").isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterSpreadsEachWaitWithinItsFractionAndTheSameSeedGivesTheSameWaits() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), 0.2);
    SplittableRandom random = new SplittableRandom(3);

    Duration a = backoff.after(1, random);
    Duration b = backoff.after(1, random);

    assertThat(a).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
    assertThat(b).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12)).isNotEqualTo(a);
    assertThat(backoff.after(1, new SplittableRandom(3))).isEqualTo(a);
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsHonouredAndAShorterOneIsNot() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0);

    assertThat(backoff.after(1, Duration.ofSeconds(120), new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(120));
    assertThat(backoff.after(3, Duration.ofSeconds(2), new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.after(3, null, new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDateAndCappedAtADay() {
    assertThat(Backoff.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(Backoff.retryAfter("Tue, 24 Nov 2026 08:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
    assertThat(Backoff.retryAfter("Tue, 24 Nov 2026 07:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    assertThat(Backoff.retryAfter("99999999", NOW)).isEqualTo(Duration.ofDays(1));
    assertThat(Backoff.retryAfter("soon", NOW)).isNull();
    assertThat(Backoff.retryAfter(null, NOW)).isNull();
  }

  @Test
  void aBackoffThatCouldNeverWaitIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
