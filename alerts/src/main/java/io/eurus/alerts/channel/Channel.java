package io.eurus.alerts.channel;

import io.eurus.events.Alert;
import java.util.List;

/**
 * Somewhere an alert is delivered: a webhook, a chat, a mailbox. Delivery is at-least-once, so every
 * implementation sends the alert's id as an idempotency key that lets the receiver drop a repeat.
 * Implementations are thread-confined: one delivery lane calls one channel at a time.
 */
public interface Channel extends AutoCloseable {

  /** The channel's name in the routing file; also names its consumer groups and metrics. */
  String name();

  /** Delivers one alert, or throws with a one-line reason (never a secret such as the URL). */
  void deliver(Alert alert) throws DeliveryException;

  /** When this channel's digests go out; null for a channel that sends none. */
  default DigestSchedule digestSchedule() {
    return null;
  }

  /** Whether {@code alert} waits for the digest instead of going at once (only with a {@link #digestSchedule()}). */
  default boolean digests(Alert alert) {
    return false;
  }

  /** Whether alerts held back for this channel go out together as one message (a digest). */
  default boolean sendsDigests() {
    return digestSchedule() != null;
  }

  /** Delivers held-back alerts as one digest; only called when {@link #sendsDigests()}. */
  default void deliverDigest(List<Alert> alerts) throws DeliveryException {
    throw new UnsupportedOperationException(name() + " sends no digests");
  }

  @Override
  default void close() {
  }
}
