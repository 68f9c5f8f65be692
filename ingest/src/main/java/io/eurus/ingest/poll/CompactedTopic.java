package io.eurus.ingest.poll;

import io.eurus.events.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads what a compacted topic holds now: the latest value per key, tombstones applied, unreadable values skipped. */
final class CompactedTopic {

  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopic.class);

  private CompactedTopic() {
  }

  /**
   * Reads {@code partitions} from the beginning to their end as of now (for a read_committed consumer: the
   * end of what is committed), with a consumer that is assigned them by hand and released afterwards.
   *
   * @throws IllegalStateException when the end is not reached within {@code timeout}
   */
  static <V> Map<String, V> latest(Consumer<byte[], byte[]> consumer, Topic<String, V> topic, Collection<TopicPartition> partitions,
      Duration timeout) {
    Map<String, V> latest = new HashMap<>();
    if (partitions.isEmpty()) {
      return latest;
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached(consumer, end)) {
      if (System.nanoTime() > deadline) {
        consumer.unsubscribe();
        throw new IllegalStateException("could not read " + topic.name() + " " + partitions + " to its end within " + timeout.toSeconds() + " s");
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        String key = topic.keySerde().deserializer().deserialize(record.topic(), record.key());
        try {
          V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
          if (value == null) {
            latest.remove(key);
          } else {
            latest.put(key, value);
          }
        } catch (SerializationException e) {
          LOG.warn("ignoring an unreadable value of {} for key {} at offset {}: {}", topic.name(), key, record.offset(), e.getMessage());
          latest.remove(key);
        }
      }
    }
    consumer.unsubscribe();
    return latest;
  }

  private static boolean reached(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
