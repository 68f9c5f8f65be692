package io.eurus.embedded.testing;

import io.eurus.embedded.EmbeddedKafka;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;

/**
 * One embedded broker per test JVM, started on first use and stopped when the JVM exits. Integration
 * tests isolate themselves by consumer group and by the data they write, not by broker.
 */
public final class SharedKafka {

  private static EmbeddedKafka broker;

  private SharedKafka() {
  }

  /** The shared broker, a plain one: what the clients of a test take. */
  public static KafkaConnection connection() {
    return KafkaConnection.to(bootstrapServers());
  }

  /** The shared broker's address; the Eurus topics exist with 3 partitions. */
  public static synchronized String bootstrapServers() {
    if (broker == null) {
      broker = EmbeddedKafka.start();
      TopicAdmin.ensureTopics(KafkaConnection.to(broker.bootstrapServers()), Topics.ALL, 3);
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-kafka-stop"));
    }
    return broker.bootstrapServers();
  }
}
