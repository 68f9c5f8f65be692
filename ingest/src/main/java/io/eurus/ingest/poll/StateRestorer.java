package io.eurus.ingest.poll;

import io.eurus.events.FeedState;
import io.eurus.events.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the committed state of the feeds in some partitions of {@code ingest.state} (the partitions an
 * instance was just assigned in {@code feeds}: same numbers, same keys), from the beginning to the end
 * of what is committed. Records of aborted transactions are never read (read_committed).
 */
public final class StateRestorer {

  private static final Logger LOG = LoggerFactory.getLogger(StateRestorer.class);

  private final Consumer<byte[], byte[]> consumer;
  private final Duration timeout;

  /** @param consumer a read_committed consumer without a group: it is assigned partitions by hand */
  public StateRestorer(Consumer<byte[], byte[]> consumer, Duration timeout) {
    this.consumer = consumer;
    this.timeout = timeout;
  }

  /** The latest state per feed id in these partitions of {@code feeds}. */
  public Map<String, FeedState> restore(Collection<TopicPartition> feedPartitions) {
    List<TopicPartition> partitions = feedPartitions.stream()
        .map(p -> new TopicPartition(Topics.INGEST_STATE.name(), p.partition())).toList();
    Map<String, FeedState> states = new HashMap<>();
    if (partitions.isEmpty()) {
      return states;
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached(end) && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        String feedId = Topics.INGEST_STATE.keySerde().deserializer().deserialize(record.topic(), record.key());
        try {
          FeedState state = Topics.INGEST_STATE.valueSerde().deserializer().deserialize(record.topic(), record.value());
          if (state == null) {
            states.remove(feedId);
          } else {
            states.put(feedId, state);
          }
        } catch (SerializationException e) {
          LOG.warn("ignoring unreadable state of feed {} at {}: {}", feedId, record.offset(), e.getMessage());
        }
      }
    }
    if (!reached(end)) {
      throw new IllegalStateException("could not read the state of partitions " + partitions + " within " + timeout.toSeconds() + " s");
    }
    consumer.unsubscribe();
    return states;
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
