package io.eurus.alerts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HttpStatus;
import org.junit.jupiter.api.Test;

class CrossSiteGuardTest {

  private static final String HOST = "127.0.0.1:8080";

  @Test
  void theDashboardsOwnPageMayPostJson() {
    assertThat(CrossSiteGuard.refusal("POST", "same-origin", "http://127.0.0.1:8080", HOST, "application/json", true)).isNull();
    assertThat(CrossSiteGuard.refusal("POST", "same-origin", "http://127.0.0.1:8080", HOST, "application/json; charset=UTF-8", true)).isNull();
  }

  @Test
  void aProgramThatIsNoBrowserMayPostWithoutOriginHeaders() {
    assertThat(CrossSiteGuard.refusal("POST", null, null, HOST, "application/json", true)).isNull();
    assertThat(CrossSiteGuard.refusal("POST", null, null, HOST, null, false)).isNull();
  }

  @Test
  void aPageOnAnotherSiteOrAnotherPortOfTheSameSiteIsRefused() {
    assertThat(CrossSiteGuard.refusal("POST", "cross-site", "http://evil.example", HOST, null, false).status())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(CrossSiteGuard.refusal("POST", "same-site", "http://127.0.0.1:9999", HOST, "application/json", true).status())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(CrossSiteGuard.refusal("DELETE", null, "http://localhost:8080", HOST, null, false).status())
        .as("another origin even without fetch metadata").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(CrossSiteGuard.refusal("PUT", null, "null", HOST, null, false).status()).as("a sandboxed frame").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWhateverItsOrigin() {
    assertThat(CrossSiteGuard.refusal("POST", null, null, HOST, "text/plain", true).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(CrossSiteGuard.refusal("POST", "same-origin", "http://127.0.0.1:8080", HOST, "application/x-www-form-urlencoded", true)
        .status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(CrossSiteGuard.refusal("POST", null, null, HOST, null, true).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void readingIsNeverRefused() {
    assertThat(CrossSiteGuard.refusal("GET", "cross-site", "http://evil.example", HOST, "text/plain", false)).isNull();
  }

  @Test
  void behindAProxyTheForwardedHostAndTheDefaultPortMatchTheOrigin() {
    assertThat(CrossSiteGuard.sameAuthority("https://desk.example.org", "desk.example.org")).isTrue();
    assertThat(CrossSiteGuard.sameAuthority("https://desk.example.org", "desk.example.org:443")).isTrue();
    assertThat(CrossSiteGuard.sameAuthority("http://[::1]:8080", "[::1]:8080")).isTrue();
    assertThat(CrossSiteGuard.sameAuthority("https://evil.example", "desk.example.org")).isFalse();
  }
}
