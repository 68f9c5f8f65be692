package io.eurus.ingest.poll;

import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next: its interval with ±10% jitter (so feeds with the same interval drift apart
 * instead of hitting their servers together), doubling after each failure up to a cap, and never before a
 * server's Retry-After.
 */
public final class PollSchedule {

  static final double JITTER = 0.10;
  /** The first poll of a feed never polled before comes within this, spread at random. */
  static final Duration FIRST_POLL_SPREAD = Duration.ofSeconds(10);

  private final Duration maxBackoff;
  private final RandomGenerator random;

  public PollSchedule(Duration maxBackoff, RandomGenerator random) {
    this.maxBackoff = maxBackoff;
    this.random = random;
  }

  /** Delay before the first poll after this instance took the feed over. */
  public Duration first(FeedDefinition feed, FeedState state, Instant now) {
    Duration spread = min(feed.pollInterval(), FIRST_POLL_SPREAD);
    Duration delay = Duration.ofMillis((long) (random.nextDouble() * spread.toMillis()));
    Instant lastPoll = latest(state.lastSuccess(), state.lastError());
    if (lastPoll != null) {
      // Polled before (by us before a restart, or by another instance): keep its rhythm.
      Duration due = Duration.between(now, lastPoll.plus(next(feed, state)));
      delay = due.compareTo(delay) > 0 ? due : delay;
    }
    return respectRetryAfter(delay, state, now);
  }

  /** Delay after a poll that left the feed in {@code state}. */
  public Duration after(FeedDefinition feed, FeedState state, Instant now) {
    return respectRetryAfter(jittered(next(feed, state)), state, now);
  }

  private Duration next(FeedDefinition feed, FeedState state) {
    Duration interval = feed.pollInterval();
    int failures = state.consecutiveFailures();
    if (failures == 0) {
      return interval;
    }
    Duration cap = maxBackoff.compareTo(interval) > 0 ? maxBackoff : interval;
    Duration backoff = interval.multipliedBy(1L << Math.min(failures, 20));
    return backoff.compareTo(cap) > 0 ? cap : backoff;
  }

  private Duration jittered(Duration delay) {
    double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
    return Duration.ofMillis((long) (delay.toMillis() * factor));
  }

  private static Duration respectRetryAfter(Duration delay, FeedState state, Instant now) {
    if (state.notBefore() != null && now.plus(delay).isBefore(state.notBefore())) {
      return Duration.between(now, state.notBefore());
    }
    return delay.isNegative() ? Duration.ZERO : delay;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
