package io.eurus.embedded.testing;

import io.eurus.events.Topic;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads what a topic holds (committed records only), for assertions in integration tests. */
public final class TopicProbe<K, V> implements AutoCloseable {

  private final KafkaConsumer<K, V> consumer;
  private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();

  public TopicProbe(String bootstrapServers, Topic<K, V> topic) {
    this(KafkaConnection.to(bootstrapServers), topic);
  }

  public TopicProbe(KafkaConnection kafka, Topic<K, V> topic) {
    Map<String, Object> config = KafkaClients.consumerConfig(kafka, "probe-" + UUID.randomUUID(), "probe");
    this.consumer = KafkaClients.consumer(topic, config);
    consumer.subscribe(List.of(topic.name()));
  }

  /** Polls until {@code until} holds for the records seen so far, or the timeout passes; returns them all. */
  public List<ConsumerRecord<K, V>> readUntil(Predicate<List<ConsumerRecord<K, V>>> until, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!until.test(seen) && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  /** Reads for the whole of {@code quiet}, to be sure nothing more arrives. */
  public List<ConsumerRecord<K, V>> readFor(Duration quiet) {
    return readUntil(records -> false, quiet);
  }

  public List<V> values() {
    return seen.stream().map(ConsumerRecord::value).toList();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
