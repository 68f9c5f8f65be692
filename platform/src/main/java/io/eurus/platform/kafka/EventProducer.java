package io.eurus.platform.kafka;

import io.eurus.events.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One idempotent producer per service that writes to any topic with that topic's own serdes, so a
 * value of the wrong type cannot reach a topic.
 */
public final class EventProducer implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;

  public EventProducer(Map<String, Object> config) {
    this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends a record; the future completes when the broker has acknowledged it (acks=all). */
  public <K, V> CompletableFuture<RecordMetadata> send(Topic<K, V> topic, K key, V value) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    producer.send(new ProducerRecord<>(topic.name(), k, v), (metadata, error) -> {
      if (error == null) {
        acked.complete(metadata);
      } else {
        acked.completeExceptionally(error);
      }
    });
    return acked;
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
