package io.eurus.platform.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/**
 * The one backoff policy of Eurus, for every wait after a failure: a feed that fails to poll, a transaction
 * Kafka did not take, an alert a channel did not take. The wait doubles from {@code initial} with each failure
 * in a row up to {@code max}, is spread by ±{@code jitter} (a fraction) so that many retries after one outage
 * do not arrive together, and is never shorter than what the other side asked for with {@code Retry-After}.
 *
 * <p>A pure function of its arguments: the caller brings the time and the randomness, so a test checks any
 * sequence of failures without waiting. (resilience4j's Retry counts attempts and sleeps on the caller's
 * thread; here what gives up is a time budget, and the waiting is the caller's: a poll schedule, a scheduled
 * task, a loop.)
 */
public record Backoff(Duration initial, Duration max, double jitter) {

  /** Longest {@code Retry-After} honoured: a typo on the other side must not silence it for a year. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max and 0 <= jitter < 1");
    }
  }

  /** The wait after {@code failures} failures in a row (1 for the first), before jitter: doubling, capped. */
  public Duration nominal(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 40));
    long millis = initial.toMillis();
    for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  /** The wait after {@code failures} failures in a row, jittered. */
  public Duration after(int failures, RandomGenerator random) {
    return spread(nominal(failures), jitter, random);
  }

  /** The wait after {@code failures} failures, and at least the other side's {@code retryAfter} (null: none). */
  public Duration after(int failures, Duration retryAfter, RandomGenerator random) {
    return atLeast(after(failures, random), retryAfter);
  }

  /** {@code delay} spread uniformly within ±{@code jitter} of itself. */
  public static Duration spread(Duration delay, double jitter, RandomGenerator random) {
    if (jitter == 0) {
      return delay;
    }
    double factor = 1 + (random.nextDouble() * 2 - 1) * jitter;
    return Duration.ofMillis(Math.round(delay.toMillis() * factor));
  }

  /** {@code delay}, or {@code retryAfter} when that is longer (null: no Retry-After). */
  public static Duration atLeast(Duration delay, Duration retryAfter) {
    return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
  }

  /**
   * An HTTP {@code Retry-After} header (seconds, or an HTTP date) as a wait from {@code now}; null when absent or
   * unreadable, zero for a date already past, at most {@link #MAX_RETRY_AFTER}.
   */
  public static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException notSeconds) {
      try {
        wait = Duration.between(now, DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.trim(), Instant::from));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }
}
