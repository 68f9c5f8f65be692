package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.eurus.embedded.testing.SharedKafka;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.DeadLetter;
import io.eurus.events.Json;
import io.eurus.events.Severity;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eurus alerts redrive} as an operator runs it: a dead letter goes to its channel once, however often it is run. */
class AlertsRedriveIT {

  @Test
  void aDeadLetterIsResentOnceWithItsIdempotencyKeyAndASecondRunSkipsIt(@TempDir Path tmp) throws Exception {
    String channel = "hook-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> keys = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    try {
      Path url = Files.writeString(tmp.resolve("url"), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\n");
      Path routing = Files.writeString(tmp.resolve("routing.yaml"), "channels:\n  " + channel + ": {type: webhook, url: {file: " + url
          + "}}\nroutes:\n  - to: [" + channel + "]\n");
      String key = "RULE_MATCH:expulsions:" + channel;
      Alert alert = Alert.builder().id(Alert.idOf(key, 1)).key(key).revision(1).type(AlertType.RULE_MATCH).severity(Severity.HIGH)
          .title("Expulsions").summary("Rule matched.").at(Instant.now()).created(Instant.now()).bloc("eu-media").build();
      try (EventProducer producer = new EventProducer(KafkaClients.producerConfig(SharedKafka.connection(), "it-redrive"))) {
        producer.send(Topics.ALERTS_DLQ, key, new DeadLetter(DeadLetter.SCHEMA_VERSION, Topics.ALERTS.name(), 0, 42, key,
            Json.mapper().writeValueAsString(alert), channel + ": HTTP 503, still failing after the retry budget of 24h (2881 attempts)",
            channel, 2881, Instant.now())).join();
      }
      String[] redrive = {"alerts", "redrive", "--bootstrap-servers", SharedKafka.bootstrapServers(), "--routing", routing.toString(),
          "--channel", channel, "--since", "PT10M"};

      CapturedEurus first = new CapturedEurus();
      int firstExit = first.run(redrive);
      CapturedEurus second = new CapturedEurus();
      int secondExit = second.run(redrive);

      assertThat(firstExit).as(first.err()).isZero();
      assertThat(first.out()).contains(channel + ": " + alert.id() + " resent", "1 resent, 0 skipped");
      assertThat(secondExit).isZero();
      assertThat(second.out()).contains("0 resent, 1 skipped (the channel already took them), 0 failed");
      assertThat(keys).containsExactly(alert.id());
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void aSinceThatIsNoTimeIsOneLine() {
    CapturedEurus eurus = new CapturedEurus();

    int exit = eurus.run("alerts", "redrive", "--since", "yesterday");

    assertThat(exit).isNotZero();
    assertThat(eurus.err()).startsWith("--since must be an instant such as 2026-11-24T08:00:00Z or a duration such as PT6H or P2D, not 'yesterday'");
  }
}
