package io.eurus.alerts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.platform.StartupException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DashboardAccessTest {

  @Test
  void bindingBeyondLoopbackWithoutATokenIsRefusedWithTheWayToFixIt() {
    assertThatThrownBy(() -> DashboardAccess.forBinding("0.0.0.0", null))
        .isInstanceOf(StartupException.class)
        .hasMessage("the dashboard binds to 0.0.0.0, beyond this machine, so it needs a token: set EURUS_DASHBOARD_TOKEN "
            + "or EURUS_DASHBOARD_TOKEN_FILE (or bind to 127.0.0.1)");
  }

  @Test
  void loopbackNeedsNoTokenButATokenIsAlwaysEnforcedWhenGiven() {
    assertThat(DashboardAccess.forBinding("127.0.0.1", null).tokenRequired()).isFalse();
    assertThat(DashboardAccess.forBinding("127.0.0.1", "0123456789abcdef0123").tokenRequired()).isTrue();
    assertThat(DashboardAccess.forBinding("0.0.0.0", "0123456789abcdef0123").accepts("0123456789abcdef0123")).isTrue();
    assertThat(DashboardAccess.forBinding("0.0.0.0", "0123456789abcdef0123").accepts("0123456789abcdef0124")).isFalse();
  }

  @Test
  void aShortTokenIsRefused() {
    assertThatThrownBy(() -> DashboardAccess.forBinding("0.0.0.0", "short"))
        .hasMessageStartingWith("the dashboard token is too short");
  }

  @Test
  void eachLoginGetsItsOwnSessionValueThatExpiresAndCannotBeForged() {
    DashboardAccess access = DashboardAccess.forBinding("0.0.0.0", "0123456789abcdef0123");
    Instant now = Instant.parse("2026-11-24T08:00:00Z");
    String first = access.newSession(now);
    String second = access.newSession(now);

    assertThat(first).isNotEqualTo(second).doesNotContain("0123456789abcdef0123");
    assertThat(access.validSession(first, now.plus(Duration.ofHours(11)))).isTrue();
    assertThat(access.validSession(first, now.plus(DashboardAccess.SESSION_LIFETIME))).as("expired").isFalse();
    String later = first.substring(0, first.indexOf('.') + 1) + now.plus(Duration.ofDays(365)).getEpochSecond()
        + first.substring(first.lastIndexOf('.'));
    assertThat(access.validSession(later, now)).as("expiry pushed back by hand").isFalse();
    assertThat(DashboardAccess.forBinding("0.0.0.0", "another-token-0123456789").validSession(first, now)).as("another token").isFalse();
    assertThat(access.validSession("garbage", now)).isFalse();
  }
}
