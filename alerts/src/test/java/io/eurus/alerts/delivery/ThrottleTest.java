package io.eurus.alerts.delivery;

import static io.eurus.alerts.delivery.Throttle.Decision.COOLING_DOWN;
import static io.eurus.alerts.delivery.Throttle.Decision.DUPLICATE;
import static io.eurus.alerts.delivery.Throttle.Decision.SEND;
import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private final Throttle throttle = new Throttle(Duration.ofMinutes(15), 100);
  private final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");

  private Throttle.Decision at(int minutes, int revision, Severity severity) {
    return throttle.decide(AlertsHarness.alert("shift", revision, AlertType.TONE_SHIFT, severity, "t"), t0.plus(Duration.ofMinutes(minutes)));
  }

  @Test
  void anOngoingAlertUpdatesAtMostOncePerCooldownAndRepeatsNever() {
    assertThat(at(0, 1, Severity.MEDIUM)).isEqualTo(SEND);       // opens
    assertThat(at(1, 1, Severity.MEDIUM)).isEqualTo(DUPLICATE);  // the same revision again
    assertThat(at(5, 2, Severity.MEDIUM)).isEqualTo(COOLING_DOWN);
    assertThat(at(10, 2, Severity.MEDIUM)).isEqualTo(DUPLICATE);
    assertThat(at(14, 3, Severity.MEDIUM)).isEqualTo(COOLING_DOWN);
    assertThat(at(15, 4, Severity.MEDIUM)).isEqualTo(SEND);      // cool-down over
    assertThat(at(16, 5, Severity.HIGH)).isEqualTo(SEND);        // escalation goes at once
    assertThat(at(17, 4, Severity.HIGH)).isEqualTo(DUPLICATE);   // an older revision arriving late
  }

  @Test
  void theSameRecordsGiveTheSameDecisionsSoAReplayRebuildsTheState() {
    Throttle replayed = new Throttle(Duration.ofMinutes(15), 100);
    for (int minute = 0; minute < 40; minute += 3) {
      var alert = AlertsHarness.alert("shift", minute + 1, AlertType.TONE_SHIFT, Severity.MEDIUM, "t");
      assertThat(replayed.decide(alert, t0.plus(Duration.ofMinutes(minute))))
          .isEqualTo(throttle.decide(alert, t0.plus(Duration.ofMinutes(minute))));
    }
  }

  @Test
  void aRulesProblemFixedWithinTheCooldownIsStillSaid() {
    var opened = AlertsHarness.alert("rules", 1, AlertType.RULES_PROBLEM, Severity.HIGH, "Rules file problem");
    var fixed = AlertsHarness.alert("rules", 2, AlertType.RULES_PROBLEM, Severity.LOW, "Rules file fixed");

    assertThat(throttle.decide(opened, t0)).isEqualTo(SEND);
    assertThat(throttle.decide(fixed, t0.plus(Duration.ofMinutes(1)))).isEqualTo(SEND);
    assertThat(throttle.decide(fixed, t0.plus(Duration.ofMinutes(2)))).isEqualTo(DUPLICATE);
  }
}
