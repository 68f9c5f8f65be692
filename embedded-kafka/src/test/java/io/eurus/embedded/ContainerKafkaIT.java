package io.eurus.embedded;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same broker contract against Apache Kafka in a container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaIT extends BrokerContract {

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

  @Override
  protected String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }
}
