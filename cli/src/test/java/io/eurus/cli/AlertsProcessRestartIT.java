package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.eurus.cli.testing.WebhookReceiver;
import io.eurus.embedded.testing.SharedKafka;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code eurus alerts} as deployed, in its own process, stopped mid-stream and started again while alerts
 * keep coming: SIGTERM (docker stop, Ctrl-C) loses nothing and resends nothing; SIGKILL loses nothing, and
 * what it repeats had been delivered just before the kill and carries the same idempotency key.
 */
class AlertsProcessRestartIT {

  private static final Path JAR = Path.of("target", "eurus.jar");
  private static final int ALERTS = 300;

  @Test
  void sigtermMidStreamLosesNothingAndResendsNothing() throws Exception {
    Outcome outcome = stopMidStream("TERM");

    assertThat(outcome.keys()).hasSize(ALERTS).doesNotHaveDuplicates();
    assertThat(outcome.beforeStop()).isBetween(1, ALERTS - 1);
  }

  @Test
  void sigkillMidStreamLosesNothingAndRepeatsOnlyWhatWasJustDeliveredWithTheSameKey() throws Exception {
    Outcome outcome = stopMidStream("KILL");

    assertThat(new HashSet<>(outcome.keys())).hasSize(ALERTS);
    List<String> repeated = outcome.keys().stream().filter(k -> outcome.keys().indexOf(k) != outcome.keys().lastIndexOf(k)).toList();
    assertThat(outcome.keysBeforeStop()).containsAll(repeated);
  }

  /**
   * @param beforeStop     delivered when the signal was sent (a stopping service still delivers what it has read)
   * @param keysBeforeStop delivered when the first service had exited
   */
  private record Outcome(List<String> keys, int beforeStop, Set<String> keysBeforeStop) {
  }

  private Outcome stopMidStream(String signal) throws Exception {
    assumeThat(Files.exists(JAR)).as("the packaged jar (mvn package) at %s", JAR.toAbsolutePath()).isTrue();
    String prefix = "restart-" + signal + "-" + UUID.randomUUID().toString().substring(0, 8);
    String group = "it-" + prefix;
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Process first = alerts(receiver, group);
      Thread producer = new Thread(() -> publish(prefix));
      producer.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> mine(receiver, prefix).size() >= 20);
      int atSignal = mine(receiver, prefix).size();
      new ProcessBuilder("kill", "-" + signal, String.valueOf(first.pid())).start().waitFor();
      assertThat(first.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIG%s", signal).isTrue();
      List<String> before = mine(receiver, prefix);
      producer.join();

      Process second = alerts(receiver, group);
      try {
        await().atMost(Duration.ofSeconds(90)).until(() -> new HashSet<>(mine(receiver, prefix)).size() >= ALERTS);
        // Once the restarted service has committed the end of alerts, a resend would already have arrived.
        io.eurus.embedded.testing.GroupProgress.awaitCaughtUp(SharedKafka.bootstrapServers(), Topics.ALERTS.name(),
            Duration.ofSeconds(60), group + ".webhook");
      } finally {
        second.destroy();
        second.waitFor(20, TimeUnit.SECONDS);
      }
      return new Outcome(mine(receiver, prefix), atSignal, new HashSet<>(before));
    }
  }

  private static List<String> mine(WebhookReceiver receiver, String prefix) {
    return receiver.received().stream().map(WebhookReceiver.Received::idempotencyKey).filter(k -> k != null && k.startsWith(prefix)).toList();
  }

  private static Process alerts(WebhookReceiver receiver, String group) throws Exception {
    ProcessBuilder alerts = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
        JAR.toString(), "alerts", "--bootstrap-servers", SharedKafka.bootstrapServers(), "--port", "0", "--ops-port", "0",
        "--set", "alerts.group.id=" + group)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "alerts-restart-it.log").toFile()));
    // A webhook URL is a secret: the command takes it from the environment, not its arguments.
    alerts.environment().put("EURUS_ALERTS_WEBHOOK_URL", receiver.url());
    return alerts.start();
  }

  private static void publish(String prefix) {
    try (EventProducer producer = new EventProducer(KafkaClients.producerConfig(KafkaConnection.to(SharedKafka.bootstrapServers()), "it-" + prefix))) {
      for (int i = 0; i < ALERTS; i++) {
        String key = prefix + ":" + i;
        producer.send(Topics.ALERTS, key, Alert.builder()
            .id(Alert.idOf(key, 1))
            .key(key)
            .revision(1)
            .type(AlertType.RULE_MATCH)
            .severity(Severity.HIGH)
            .title("Alert " + i)
            .summary("s")
            .at(Instant.now())
            .created(Instant.now())
            .bloc("eu-media")
            .articles(List.of())
            .build());
        // Paced so that the stop comes mid-stream: a stopping service delivers what it has read before it exits.
        Thread.sleep(20);
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
