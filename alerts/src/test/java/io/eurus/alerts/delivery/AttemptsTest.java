package io.eurus.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.alerts.channel.DeliveryException;
import io.eurus.alerts.routing.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** When a delivery gives up, played on a clock of our own: a day-long outage takes no time. */
class AttemptsTest {

  private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
  private static final Retry DEFAULT = new Retry(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofHours(24));
  private static final DeliveryException DOWN = new DeliveryException("HTTP 503");

  @Test
  void anOutageShorterThanTheBudgetIsRetriedThroughWithCappedWaits() {
    Attempts attempts = new Attempts(DEFAULT, new SplittableRandom(1));
    Instant now = START;
    Duration longest = Duration.ZERO;
    while (now.isBefore(START.plus(Duration.ofHours(23)))) {
      Attempts.Next next = attempts.failed(DOWN, now, now);
      assertThat(next.givesUp()).as("given up at " + now).isFalse();
      longest = next.delay().compareTo(longest) > 0 ? next.delay() : longest;
      now = now.plus(next.delay());
    }

    assertThat(longest).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
    assertThat(attempts.failures()).as("about one attempt every 30 s for a day").isBetween(2_000, 3_500);
  }

  @Test
  void whenTheBudgetIsSpentTheDeliveryGivesUpWithTheReasonAndTheAttempts() {
    Attempts attempts = new Attempts(new Retry(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30)), new SplittableRandom(1));
    Instant now = START;
    Attempts.Next next;
    do {
      next = attempts.failed(DOWN, now, now);
      now = next.givesUp() ? now : now.plus(next.delay());
    } while (!next.givesUp());

    assertThat(now).as("the last attempt comes when the budget ends").isEqualTo(START.plusSeconds(30));
    assertThat(next.reason()).isEqualTo("HTTP 503, still failing after the retry budget of 30s (" + attempts.failures() + " attempts)");
  }

  @Test
  void aPermanentFailureGivesUpAtOnce() {
    Attempts.Next next = new Attempts(DEFAULT, new SplittableRandom(1)).failed(DeliveryException.permanent("HTTP 404"), START, START);

    assertThat(next.givesUp()).isTrue();
    assertThat(next.reason()).isEqualTo("HTTP 404, a permanent failure (not retried)");
  }

  @Test
  void theReceiversRetryAfterIsHonouredWithinTheBudgetAndBeyondItGivesUp() {
    Attempts attempts = new Attempts(DEFAULT, new SplittableRandom(1));

    Attempts.Next soon = attempts.failed(DeliveryException.retryAfter("HTTP 429", Duration.ofMinutes(5)), START, START);
    Attempts.Next tooLate = new Attempts(new Retry(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMinutes(10)),
        new SplittableRandom(1)).failed(DeliveryException.retryAfter("HTTP 503", Duration.ofHours(1)), START, START);

    assertThat(soon.delay()).isEqualTo(Duration.ofMinutes(5));
    assertThat(tooLate.givesUp()).isTrue();
    assertThat(tooLate.reason()).contains("HTTP 503", "beyond the retry budget of 10m");
  }

  @Test
  void aZeroBudgetMeansNoRetry() {
    Attempts.Next next = new Attempts(new Retry(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ZERO), new SplittableRandom(1))
        .failed(DOWN, START, START.plusMillis(5));

    assertThat(next.givesUp()).isTrue();
    assertThat(next.reason()).isEqualTo("HTTP 503, still failing after the retry budget of 0s (1 attempt)");
  }
}
