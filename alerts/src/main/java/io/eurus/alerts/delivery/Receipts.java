package io.eurus.alerts.delivery;

import io.eurus.events.Alert;
import io.eurus.events.Delivered;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Records on {@code alerts.delivered} what each channel took, and waits for the broker: a lane moves its offset
 * past an alert only once its receipt is stored, so {@code eurus alerts redrive} can always tell a dead letter
 * that a channel took after all (a restart delivered it again) from one it still lacks.
 */
public final class Receipts {

  private final EventProducer producer;
  private final Clock clock;

  public Receipts(EventProducer producer, Clock clock) {
    this.producer = producer;
    this.clock = clock;
  }

  /** Sends a receipt per alert; completes when the broker has them all. */
  public CompletableFuture<Void> record(String channel, List<Alert> alerts, boolean redriven) {
    CompletableFuture<?>[] sent = alerts.stream().map(alert -> producer.send(Topics.ALERTS_DELIVERED, alert.key(),
        new Delivered(Delivered.SCHEMA_VERSION, channel, alert.id(), alert.key(), alert.revision(), clock.instant(), redriven)))
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(sent);
  }

  /** Stores a receipt per alert and waits for the broker; throws when it did not take them. */
  public void delivered(String channel, List<Alert> alerts, boolean redriven) {
    try {
      record(channel, alerts, redriven).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + Topics.ALERTS_DELIVERED.name(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + Topics.ALERTS_DELIVERED.name() + ": " + e.getCause().getMessage(), e);
    }
  }
}
