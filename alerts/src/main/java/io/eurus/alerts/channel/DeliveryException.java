package io.eurus.alerts.channel;

import java.time.Duration;

/**
 * A delivery that did not succeed, with a one-line reason (never the URL or a password: they may be secrets),
 * and what the other side said about trying again: a permanent failure (such as HTTP 400, 401, 404 or an SMTP
 * 5xx) is not retried, and a {@code Retry-After} is honoured.
 */
public final class DeliveryException extends Exception {

  private final boolean permanent;
  private final transient Duration retryAfter;

  /** A failure worth retrying: the other side is down, slow or overloaded. */
  public DeliveryException(String reason) {
    this(reason, false, null);
  }

  private DeliveryException(String reason, boolean permanent, Duration retryAfter) {
    super(reason);
    this.permanent = permanent;
    this.retryAfter = retryAfter;
  }

  /** A failure that the same request will meet again: retrying cannot help. */
  public static DeliveryException permanent(String reason) {
    return new DeliveryException(reason, true, null);
  }

  /** A failure worth retrying, not before {@code retryAfter} (null: whenever the backoff says). */
  public static DeliveryException retryAfter(String reason, Duration retryAfter) {
    return new DeliveryException(reason, false, retryAfter);
  }

  public boolean permanent() {
    return permanent;
  }

  /** The other side's Retry-After, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
