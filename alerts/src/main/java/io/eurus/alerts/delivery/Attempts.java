package io.eurus.alerts.delivery;

import io.eurus.alerts.channel.DeliveryException;
import io.eurus.alerts.routing.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The attempts at one delivery, and what to do after each failure: try again after the backoff (or the
 * receiver's Retry-After), or give up because the failure is permanent or the retry budget is spent. Given the
 * time of each failure, it decides without a clock of its own, so a test plays a day-long outage in no time.
 */
final class Attempts {

  /** What follows a failed attempt: a retry after {@code delay}, or, when {@code delay} is null, the dead letter with {@code reason}. */
  record Next(Duration delay, String reason) {
    boolean givesUp() {
      return delay == null;
    }
  }

  private final Retry retry;
  private final RandomGenerator random;
  private Instant first;
  private int failures;

  Attempts(Retry retry, RandomGenerator random) {
    this.retry = retry;
    this.random = random;
  }

  int failures() {
    return failures;
  }

  /** After the attempt started at {@code started} failed with {@code failure}, at {@code now}. */
  Next failed(DeliveryException failure, Instant started, Instant now) {
    if (first == null) {
      first = started;
    }
    failures++;
    String reason = failure.getMessage();
    if (failure.permanent()) {
      return new Next(null, reason + ", a permanent failure (not retried)");
    }
    Instant deadline = first.plus(retry.budget());
    Duration left = Duration.between(now, deadline);
    if (left.isNegative() || left.isZero()) {
      return new Next(null, reason + ", " + spent());
    }
    if (failure.retryAfter() != null && failure.retryAfter().compareTo(left) > 0) {
      return new Next(null, reason + ", and the receiver asks to wait beyond the retry budget of " + Durations.text(retry.budget())
          + " (" + attempts() + ")");
    }
    Duration wait = retry.backoff().after(failures, failure.retryAfter(), random);
    // The last attempt comes when the budget ends rather than never.
    return new Next(wait.compareTo(left) > 0 ? left : wait, null);
  }

  private String spent() {
    return "still failing after the retry budget of " + Durations.text(retry.budget()) + " (" + attempts() + ")";
  }

  private String attempts() {
    return failures + (failures == 1 ? " attempt" : " attempts");
  }
}
