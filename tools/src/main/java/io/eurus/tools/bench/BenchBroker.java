package io.eurus.tools.bench;

import io.eurus.embedded.EmbeddedKafka;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;

/**
 * The benchmark's Kafka broker in its own process (so that its heap and threads are not counted as
 * ingest's): the embedded KRaft broker with the Eurus topics. Prints {@code bootstrap=HOST:PORT}; stops
 * when its standard input closes.
 */
public final class BenchBroker {

  private BenchBroker() {
  }

  public static void main(String[] args) throws Exception {
    try (EmbeddedKafka broker = EmbeddedKafka.start()) {
      TopicAdmin.ensureTopics(KafkaConnection.to(broker.bootstrapServers()), Topics.ALL, Integer.parseInt(args.length > 0 ? args[0] : "6"));
      System.out.println("bootstrap=" + broker.bootstrapServers());
      System.out.flush();
      while (System.in.read() != -1) {
        // run until the parent closes our stdin (or exits)
      }
    }
  }
}
