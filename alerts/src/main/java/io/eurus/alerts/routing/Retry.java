package io.eurus.alerts.routing;

import io.eurus.platform.retry.Backoff;
import java.time.Duration;

/**
 * How a channel retries an alert it did not take: with Eurus' {@link Backoff} (doubling from {@code initial} up
 * to {@code max}, spread by ±20% so that the alerts retrying after one outage do not hit the receiver in
 * lockstep), for as long as {@code budget} from the alert's first attempt. What gives up is time, not a count
 * of attempts: an outage shorter than the budget delays alerts and loses none.
 */
public record Retry(Duration initial, Duration max, Duration budget) {

  static final double JITTER = 0.2;

  public Backoff backoff() {
    return new Backoff(initial, max, JITTER);
  }
}
