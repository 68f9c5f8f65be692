package io.eurus.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.alerts.channel.DigestSchedule;
import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HoldTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private final QuietHours nights = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), UTC, Severity.CRITICAL);

  @Test
  void quietHoursThatSpanMidnightHoldUntilTheirEnd() {
    assertThat(nights.isQuiet(Instant.parse("2026-11-24T23:30:00Z"))).isTrue();
    assertThat(nights.isQuiet(Instant.parse("2026-11-24T06:59:00Z"))).isTrue();
    assertThat(nights.isQuiet(Instant.parse("2026-11-24T07:00:00Z"))).isFalse();
    assertThat(nights.isQuiet(Instant.parse("2026-11-24T21:59:59Z"))).isFalse();
    assertThat(nights.endAfter(Instant.parse("2026-11-24T23:30:00Z"))).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    assertThat(nights.endAfter(Instant.parse("2026-11-25T01:00:00Z"))).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
  }

  @Test
  void aCriticalAlertBypassesQuietHours() {
    Hold hold = new Hold(nights, null, null);
    Instant night = Instant.parse("2026-11-24T23:30:00Z");
    assertThat(hold.releaseAt(AlertsHarness.alert("k", 1, AlertType.TONE_SHIFT, Severity.CRITICAL, "t"), night)).isNull();
    assertThat(hold.releaseAt(AlertsHarness.alert("k", 1, AlertType.TONE_SHIFT, Severity.HIGH, "t"), night))
        .isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
  }

  @Test
  void aDigestThatWouldGoOutDuringQuietHoursGoesWhenTheyEnd() {
    Hold hold = new Hold(nights, alert -> true, DigestSchedule.every(Duration.ofHours(1)));
    var alert = AlertsHarness.alert("k", 1, AlertType.RULE_MATCH, Severity.LOW, "t");
    assertThat(hold.releaseAt(alert, Instant.parse("2026-11-24T12:10:00Z"))).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
    assertThat(hold.releaseAt(alert, Instant.parse("2026-11-24T21:10:00Z"))).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
  }

  @Test
  void aDailyDigestGoesAtItsTimeInItsZone() {
    DigestSchedule daily = DigestSchedule.daily(LocalTime.of(8, 0), ZoneId.of("Europe/Moscow"));
    assertThat(daily.next(Instant.parse("2026-11-24T04:59:00Z"))).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    assertThat(daily.next(Instant.parse("2026-11-24T05:00:00Z"))).isEqualTo(Instant.parse("2026-11-25T05:00:00Z"));
  }

  @Test
  void retriesBackOffExponentiallyWithTwentyPercentJitterUpToTheMaximum() {
    Retry retry = new Retry(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofHours(24));
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 50; i++) {
      assertThat(retry.backoff().after(1, random).toMillis()).isBetween(160L, 240L);
      assertThat(retry.backoff().after(3, random).toMillis()).isBetween(640L, 960L);
      assertThat(retry.backoff().after(7, random).toMillis()).isBetween(800L, 1200L);
    }
  }
}
