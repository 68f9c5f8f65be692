package io.eurus.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.events.Topics;
import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT extends BrokerContract {

  @Override
  protected String bootstrapServers() {
    return io.eurus.embedded.testing.SharedKafka.bootstrapServers();
  }

  @Test
  void brokerStopsCleanlyAndReleasesItsPortAndTemporaryData() throws IOException {
    EmbeddedKafka broker = EmbeddedKafka.start();
    String[] hostPort = broker.bootstrapServers().split(":");

    broker.close();

    assertThatThrownBy(() -> new Socket(hostPort[0], Integer.parseInt(hostPort[1])).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void dataInAGivenFolderSurvivesARestart(@TempDir Path dir) {
    try (EmbeddedKafka first = EmbeddedKafka.start(dir, 0)) {
      TopicAdmin.ensureTopics(KafkaConnection.to(first.bootstrapServers()), Topics.ALL, 1);
    }
    try (EmbeddedKafka second = EmbeddedKafka.start(dir, 0)) {
      try (var admin = KafkaClients.admin(KafkaConnection.to(second.bootstrapServers()), Duration.ofSeconds(10))) {
        assertThat(admin.listTopics().names()).succeedsWithin(Duration.ofSeconds(10))
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
            .contains("articles", "alerts");
      }
    }
    assertThat(Files.exists(dir)).isTrue();
  }

  @Test
  void unreachableAddressFailsWithOneLineErrorNamingItWithinTheBound() {
    long began = System.nanoTime();

    assertThatThrownBy(() -> KafkaClients.awaitBroker(KafkaConnection.to("127.0.0.1:1"), Duration.ofSeconds(3)))
        .isInstanceOf(StartupException.class)
        .hasMessage("cannot reach Kafka at 127.0.0.1:1 within 3 s (check --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS)");
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
  }
}
