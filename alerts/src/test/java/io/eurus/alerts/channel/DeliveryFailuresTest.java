package io.eurus.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/** Which failures are worth retrying, and when. */
class DeliveryFailuresTest {

  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void clientErrorsArePermanentExceptTimeoutAndTooManyRequests() {
    for (int status : new int[] {400, 401, 403, 404, 410, 413, 422}) {
      assertThat(HttpPoster.failure(status, null, NOW).permanent()).as("HTTP " + status).isTrue();
    }
    for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
      assertThat(HttpPoster.failure(status, null, NOW).permanent()).as("HTTP " + status).isFalse();
    }
  }

  @Test
  void retryAfterIsReadFrom429And503Only() {
    assertThat(HttpPoster.failure(429, "30", NOW).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(HttpPoster.failure(503, "Tue, 24 Nov 2026 08:01:00 GMT", NOW).retryAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(HttpPoster.failure(503, "30", NOW).getMessage()).isEqualTo("HTTP 503 (Retry-After 30 s)");
    assertThat(HttpPoster.failure(500, "30", NOW).retryAfter()).isNull();
  }

  @Test
  void anSmtpRefusalIsPermanentAndAFailedConnectionIsNot() throws Exception {
    MessagingException noMailbox = new MessagingException("Invalid Addresses",
        new SMTPAddressFailedException(new InternetAddress("gone@desk.example"), "RCPT TO", 550, "550 5.1.1 no such user"));
    MessagingException busy = new MessagingException("Invalid Addresses",
        new SMTPAddressFailedException(new InternetAddress("desk@desk.example"), "RCPT TO", 451, "451 4.3.0 try again later"));

    assertThat(EmailChannel.permanent(noMailbox)).isTrue();
    assertThat(EmailChannel.permanent(busy)).isFalse();
    assertThat(EmailChannel.permanent(new MessagingException("Could not connect", new java.net.ConnectException("refused")))).isFalse();
    assertThat(EmailChannel.permanent(new jakarta.mail.AuthenticationFailedException("535 bad credentials"))).isTrue();
  }
}
