package io.eurus.ingest.poll;

import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.platform.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next: its interval with ±10% jitter (so feeds with the same interval drift apart
 * instead of hitting their servers together), doubling after each failure up to a cap, and never before a
 * server's Retry-After: Eurus' one {@link Backoff} policy, with the feed's interval as its first step.
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

  /** The interval, doubled once per failure in a row (the first failure waits twice the interval), capped. */
  private Duration next(FeedDefinition feed, FeedState state) {
    Duration interval = feed.pollInterval();
    Duration cap = maxBackoff.compareTo(interval) > 0 ? maxBackoff : interval;
    return new Backoff(interval, cap, JITTER).nominal(state.consecutiveFailures() + 1);
  }

  private Duration jittered(Duration delay) {
    return Backoff.spread(delay, JITTER, random);
  }

  private static Duration respectRetryAfter(Duration delay, FeedState state, Instant now) {
    Duration retryAfter = state.notBefore() == null ? null : Duration.between(now, state.notBefore());
    Duration wait = Backoff.atLeast(delay, retryAfter);
    return wait.isNegative() ? Duration.ZERO : wait;
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
