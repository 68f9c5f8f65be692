package io.eurus.alerts.routing;

import io.eurus.alerts.channel.DigestSchedule;
import io.eurus.events.Alert;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Whether a channel delivers an alert now or holds it until later: for its quiet hours, or for its digest.
 * Decided from the alert's record time only, so both of a channel's lanes (the one that delivers now and the
 * one that delivers later) and a restarted service always agree on which alert is whose.
 *
 * @param quietHours null for none
 * @param digested   which alerts wait for the digest; null for a channel without one
 * @param digest     when digests go out; null for none
 */
public record Hold(QuietHours quietHours, Predicate<Alert> digested, DigestSchedule digest) {

  public static final Hold NONE = new Hold(null, null, null);

  public boolean everHolds() {
    return quietHours != null || digest != null;
  }

  /** When to deliver an alert published at {@code t}; null for now. */
  public Instant releaseAt(Alert alert, Instant t) {
    Instant release = digest != null && digested.test(alert) ? digest.next(t) : null;
    Instant at = release == null ? t : release;
    if (quietHours != null && quietHours.holds(alert.severity()) && quietHours.isQuiet(at)) {
      release = quietHours.endAfter(at);
    }
    return release;
  }
}
