package io.eurus.alerts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.platform.StartupException;
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
}
