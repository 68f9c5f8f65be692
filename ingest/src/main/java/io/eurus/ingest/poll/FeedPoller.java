package io.eurus.ingest.poll;

import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed on its schedule, one poll at a time: the next poll is scheduled only after the previous
 * one's outcome was committed to Kafka, so two polls of a feed never race and the state a poll starts
 * from is always the committed one.
 */
final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  /** After an outcome could not be published (fenced, stopping, a bug), poll again this soon at most. */
  private static final Duration REPOLL = Duration.ofSeconds(5);

  private final FeedDefinition feed;
  private final int partition;
  private final FeedPollers shared;
  private FeedState state;
  private ScheduledFuture<?> next;
  private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);
  private boolean stopped;

  FeedPoller(FeedDefinition feed, int partition, FeedState state, FeedPollers shared) {
    this.feed = feed;
    this.partition = partition;
    this.state = state;
    this.shared = shared;
  }

  FeedDefinition feed() {
    return feed;
  }

  int partition() {
    return partition;
  }

  synchronized FeedState state() {
    return state;
  }

  /**
   * Whether the feed has a state on {@code ingest.state} (and a status on {@code feed-status}): it was
   * restored from there, or a poll committed since. Every first poll writes the state, so a feed still in
   * its initial state has nothing on Kafka.
   */
  synchronized boolean published() {
    return !state.equals(FeedState.initial(feed.id()));
  }

  synchronized void start() {
    schedule(shared.schedule().first(feed, state, shared.clock().instant()));
  }

  /** Stops scheduling; the returned future completes when a poll in flight has finished. */
  synchronized CompletableFuture<Void> stop() {
    stopped = true;
    if (next != null) {
      next.cancel(false);
    }
    return running;
  }

  private void schedule(Duration delay) {
    if (!stopped) {
      next = shared.scheduler().schedule(this::pollNow, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void pollNow() {
    if (stopped) {
      return;
    }
    CompletableFuture<PollOutcome> cycle;
    try {
      cycle = shared.cycle().poll(feed, state)
          .thenCompose(outcome -> shared.publisher().publish(outcome).thenApply(committed -> outcome));
    } catch (RuntimeException e) {
      cycle = CompletableFuture.failedFuture(e);
    }
    running = cycle.handle((outcome, error) -> {
      done(outcome, error);
      return null;
    });
  }

  private synchronized void done(PollOutcome outcome, Throwable error) {
    if (error == null) {
      state = outcome.state();
      shared.committed().accept(outcome);
      schedule(shared.schedule().after(feed, state, shared.clock().instant()));
      return;
    }
    if (!stopped) {
      LOG.warn("feed {}: poll not published, polling again: {}", feed.id(), error.getMessage());
    }
    schedule(feed.pollInterval().compareTo(REPOLL) < 0 ? feed.pollInterval() : REPOLL);
  }
}
