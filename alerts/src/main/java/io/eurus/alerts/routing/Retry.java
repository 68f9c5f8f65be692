package io.eurus.alerts.routing;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a channel retries: exponential backoff from {@code initial}, doubling up to {@code max}, with jitter
 * (each wait is drawn between half and all of the nominal one) so that many alerts retrying after an outage
 * do not hit the receiver in lockstep.
 */
public record Retry(int maxAttempts, Duration initial, Duration max) {

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
  public Duration backoff(int attempt) {
    long nominal = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 30));
    long half = nominal / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(nominal - half + 1));
  }

  /** The longest a single alert can spend retrying: the bound on how long a channel may hold its lane. */
  public Duration worstCase() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      total = total.plusMillis(Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 30)));
    }
    return total;
  }
}
