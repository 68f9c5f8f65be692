package io.eurus.ingest.poll;

import io.eurus.events.FeedState;
import io.eurus.events.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the committed state of the feeds in some partitions of {@code ingest.state} (the partitions an
 * instance was just assigned in {@code feeds}: same numbers, same keys), from the beginning to the end
 * of what is committed. Records of aborted transactions are never read (read_committed).
 */
public final class StateRestorer {

  private final Consumer<byte[], byte[]> consumer;
  private final Duration timeout;

  /** @param consumer a read_committed consumer without a group: it is assigned partitions by hand */
  public StateRestorer(Consumer<byte[], byte[]> consumer, Duration timeout) {
    this.consumer = consumer;
    this.timeout = timeout;
  }

  /** The latest state per feed id in these partitions of {@code feeds}. */
  public Map<String, FeedState> restore(Collection<TopicPartition> feedPartitions) {
    return CompactedTopic.latest(consumer, Topics.INGEST_STATE, feedPartitions.stream()
        .map(p -> new TopicPartition(Topics.INGEST_STATE.name(), p.partition())).toList(), timeout);
  }
}
