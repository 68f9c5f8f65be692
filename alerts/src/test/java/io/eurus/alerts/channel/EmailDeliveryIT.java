package io.eurus.alerts.channel;

import static io.eurus.alerts.testing.AlertsHarness.alert;
import static io.eurus.alerts.testing.AlertsHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.eurus.alerts.AlertsService;
import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Email through a real SMTP server (GreenMail) on a free port: urgent mails, threaded updates, digests, outages. */
class EmailDeliveryIT {

  @TempDir
  Path tmp;

  private GreenMail smtp;
  private AlertsService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts GreenMail on the port the routing names, trying again for a while: on a loaded machine its start can
   * outlast GreenMail's 2 s default, and the port can stay briefly taken right after the test's own "down" socket
   * on it closes (CI saw "Could not start mail server" once). Each try is a fresh server, as GreenMail wants.
   */
  private GreenMail startSmtp(int port) {
    await().atMost(Duration.ofSeconds(30)).ignoreException(IllegalStateException.class).until(() -> {
      ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      setup.setServerStartupTimeout(10_000);
      GreenMail server = new GreenMail(setup);
      try {
        server.start();
      } catch (IllegalStateException notStarted) {
        server.stop();
        throw notStarted;
      }
      smtp = server;
      return true;
    });
    return smtp;
  }

  private void startAlerts(String prefix, int port, String extra) {
    AlertsHarness.startAtEnd(prefix + ".desk-mail", prefix + ".desk-mail.held");
    String routing = "channels:\n  desk-mail:\n    type: email\n"
        + "    smtp: {host: 127.0.0.1, port: " + port + ", tls: none, timeout: PT2S}\n"
        + "    from: eurus@desk.example\n    to: [desk@desk.example]\n    urgent: HIGH\n    digest: PT2S\n    cooldown: PT0S\n"
        + extra + "routes:\n  - to: [desk-mail]\n";
    service = AlertsHarness.start(AlertsHarness.settings(prefix, AlertsHarness.routingFile(tmp, routing), Map.of()), Map.of());
  }

  private List<MimeMessage> mailsAbout(String text) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains(text) || parts(m)[0].contains(text);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  /** The plain-text and the HTML part. */
  private static String[] parts(MimeMessage message) throws Exception {
    MimeMultipart multipart = (MimeMultipart) message.getContent();
    String plain = null;
    String html = null;
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        plain = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      }
    }
    return new String[] {plain, html};
  }

  @Test
  void anUrgentAlertIsAMailOfItsOwnWithBothPartsAndItsUpdateIsAReplyInTheSameThread() throws Exception {
    String prefix = AlertsHarness.unique("urgent");
    int port = freePort();
    startSmtp(port);
    startAlerts(prefix, port, "");
    Alert first = alert(prefix + ":k", 1, AlertType.RULE_MATCH, Severity.HIGH, prefix + " <img src=x onerror=alert(1)> sanctions");
    Alert update = alert(prefix + ":k", 2, AlertType.RULE_MATCH, Severity.HIGH, prefix + " <img src=x onerror=alert(1)> sanctions");

    publish(first, update);
    await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(prefix).size() == 2);

    MimeMessage mail = mailsAbout(prefix).stream().filter(m -> header(m, "In-Reply-To") == null).findFirst().orElseThrow();
    MimeMessage reply = mailsAbout(prefix).stream().filter(m -> header(m, "In-Reply-To") != null).findFirst().orElseThrow();
    String[] body = parts(mail);
    assertThat(mail.getSubject()).isEqualTo("[Eurus HIGH] " + first.title());
    assertThat(body[0]).contains(first.title(), "EU agrees new sanctions on shipping", "https://news.example/", first.id());
    assertThat(body[1]).contains("&lt;img src=x onerror=alert(1)&gt;", "<mark>sanctions</mark>")
        .doesNotContain("<img src=x");
    assertThat(reply.getSubject()).startsWith("[Eurus HIGH] Update 2 · ");
    assertThat(header(reply, "In-Reply-To")).isEqualTo(header(mail, "Message-ID"));
  }

  @Test
  void alertsBelowUrgentWaitForTheDigestAndArriveTogetherInOneMail() throws Exception {
    String prefix = AlertsHarness.unique("digest");
    int port = freePort();
    startSmtp(port);
    startAlerts(prefix, port, "");

    publish(alert(prefix + ":a", 1, AlertType.RULE_MATCH, Severity.LOW, prefix + " first"),
        alert(prefix + ":b", 1, AlertType.VOLUME_SPIKE, Severity.MEDIUM, prefix + " second"),
        alert(prefix + ":c", 1, AlertType.RULE_MATCH, Severity.LOW, prefix + " third"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !mailsAbout(prefix).isEmpty());
    AlertsHarness.awaitSettled(prefix + ".desk-mail", prefix + ".desk-mail.held"); // every digest that will come has come

    List<MimeMessage> mails = mailsAbout(prefix);
    int inDigests = 0;
    for (MimeMessage mail : mails) {
      assertThat(mail.getSubject()).startsWith("[Eurus digest] ");
      String[] body = parts(mail);
      inDigests += (int) List.of("first", "second", "third").stream().filter(word -> body[0].contains(prefix + " " + word)).count();
      assertThat(body[1]).contains("<table");
    }
    // All three in one digest, unless the 2 s period boundary fell between two publishes.
    assertThat(inDigests).isEqualTo(3);
    assertThat(mails).hasSizeLessThanOrEqualTo(2);
    assertThat(mails.get(0).getSubject()).matches("\\[Eurus digest\\] [1-3] alerts?");
  }

  @Test
  void anAlertSentWhileSmtpIsDownIsDeliveredOnceWhenItComesBack() throws Exception {
    String prefix = AlertsHarness.unique("smtp-down");
    int port = freePort();
    startAlerts(prefix, port, "    retry: {initialBackoff: PT0.05S, maxBackoff: PT0.5S}\n");

    // Down: the port accepts connections and hangs up at once, counting the attempts.
    java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
    try (ServerSocket down = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      Thread hangUp = new Thread(() -> {
        while (!down.isClosed()) {
          try (var connection = down.accept()) {
            attempts.incrementAndGet();
          } catch (java.io.IOException closed) {
            // the test closed the socket: SMTP comes back
          }
        }
      });
      hangUp.setDaemon(true);
      hangUp.start();
      publish(alert(prefix + ":k", 1, AlertType.TONE_SHIFT, Severity.CRITICAL, prefix + " tone shift"));
      await().atMost(Duration.ofSeconds(20)).until(() -> attempts.get() >= 4);
    }
    startSmtp(port);

    await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(prefix).size() == 1);
    AlertsHarness.awaitSettled(prefix + ".desk-mail"); // a second mail would have come before this
    assertThat(mailsAbout(prefix)).hasSize(1);
  }

  private static String header(MimeMessage message, String name) {
    try {
      String[] values = message.getHeader(name);
      return values == null ? null : values[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
