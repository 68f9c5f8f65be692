package io.eurus.alerts.delivery;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * De-duplication and cool-down per alert key, for one channel. A repeat of a revision already seen is
 * dropped; an update of an ongoing alert goes out at most once per cool-down, unless its severity rose or it is
 * a rules problem's change of state (such as "fixed").
 *
 * <p>Decisions use the alerts' record times, not the clock, so replaying the same records gives the same
 * decisions: that is how a restarted lane rebuilds this state from the log (see {@link Lane}).
 */
final class Throttle {

  enum Decision { SEND, DUPLICATE, COOLING_DOWN }

  private record Last(int revision, Severity severity, Instant sentAt) {
  }

  private final Duration cooldown;
  private final Map<String, Last> byKey;

  Throttle(Duration cooldown, int capacity) {
    this.cooldown = cooldown;
    // Least recently touched keys are forgotten first; old alerts are past any cool-down anyway.
    this.byKey = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
        return size() > capacity;
      }
    };
  }

  Decision decide(Alert alert, Instant at) {
    Last last = byKey.get(alert.key());
    if (last == null) {
      byKey.put(alert.key(), new Last(alert.revision(), alert.severity(), at));
      return Decision.SEND;
    }
    if (alert.revision() <= last.revision()) {
      return Decision.DUPLICATE;
    }
    boolean escalated = alert.severity().compareTo(last.severity()) > 0;
    // Each revision of a rules problem is a change of state (another problem, or fixed): none waits.
    boolean stateChange = alert.type() == AlertType.RULES_PROBLEM;
    if (escalated || stateChange || !at.isBefore(last.sentAt().plus(cooldown))) {
      byKey.put(alert.key(), new Last(alert.revision(), alert.severity(), at));
      return Decision.SEND;
    }
    // Remember the revision (so its repeats are duplicates) but keep the time of the last one sent.
    byKey.put(alert.key(), new Last(alert.revision(), last.severity(), last.sentAt()));
    return Decision.COOLING_DOWN;
  }
}
