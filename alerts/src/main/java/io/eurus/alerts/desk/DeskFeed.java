package io.eurus.alerts.desk;

import io.eurus.events.Topic;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the {@link Desk} from Kafka: the recent past of {@code alerts} and {@code tone.windows}, all of the
 * compacted {@code alerts.acks}, {@code alerts.mutes} and {@code feed-status}, then everything new. It uses no consumer group and
 * commits nothing: the dashboard is a view that every instance rebuilds from the log, so every instance
 * shows every alert and every acknowledgement, whoever made it.
 */
public final class DeskFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeskFeed.class);

  private final Desk desk;
  private final Duration history;
  private final Clock clock;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>>> readers = new HashMap<>();
  private volatile boolean running;
  private volatile boolean caughtUp;
  private Thread thread;

  public DeskFeed(KafkaConnection kafka, Desk desk, Duration history, Clock clock) {
    this.desk = desk;
    this.history = history;
    this.clock = clock;
    Map<String, Object> config = KafkaClients.consumerConfig(kafka, null, "eurus-alerts-desk");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    reader(Topics.ALERTS, desk::alert);
    reader(Topics.ALERTS_ACKS, desk::ack);
    reader(Topics.FEED_STATUS, desk::feed, desk::feedRemoved);
    reader(Topics.TONE_WINDOWS, window -> desk.tone(window, clock.instant()));
    reader(Topics.ALERTS_MUTES, desk::mute, desk::unmute);
  }

  private <V> void reader(Topic<String, V> topic, java.util.function.Consumer<V> sink) {
    reader(topic, sink, key -> { });
  }

  /** @param removed told the key of each tombstone, in order with the values, so a restart ends where the log does */
  private <V> void reader(Topic<String, V> topic, java.util.function.Consumer<V> sink, java.util.function.Consumer<String> removed) {
    readers.put(topic.name(), record -> {
      V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (value != null) {
        sink.accept(value);
      } else if (record.key() != null) {
        removed.accept(topic.keySerde().deserializer().deserialize(record.topic(), record.key()));
      }
    });
  }

  public void start() {
    List<TopicPartition> all = new ArrayList<>();
    for (String topic : readers.keySet()) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(all);
    Map<TopicPartition, Long> since = new HashMap<>();
    long from = clock.millis() - history.toMillis();
    for (TopicPartition partition : all) {
      if (partition.topic().equals(Topics.ALERTS.name()) || partition.topic().equals(Topics.TONE_WINDOWS.name())) {
        since.put(partition, from);
      }
    }
    consumer.seekToBeginning(all);
    for (Map.Entry<TopicPartition, OffsetAndTimestamp> start : consumer.offsetsForTimes(since).entrySet()) {
      if (start.getValue() == null) {
        consumer.seekToEnd(Set.of(start.getKey()));
      } else {
        consumer.seek(start.getKey(), start.getValue().offset());
      }
    }
    running = true;
    thread = new Thread(this::run, "eurus-alerts-desk");
    thread.start();
  }

  public boolean healthy() {
    return thread != null && thread.isAlive();
  }

  private void run() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], byte[]> record : records) {
          try {
            readers.get(record.topic()).accept(record);
          } catch (RuntimeException e) {
            // The delivery lanes dead-letter unreadable alerts; the view just leaves them out.
            LOG.debug("dashboard skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
          }
        }
        caughtUp = caughtUp || records.isEmpty();
      }
    } catch (WakeupException e) {
      // close() woke us up
    } catch (RuntimeException e) {
      LOG.error("dashboard feed stopped: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** Whether the feed has read up to the end of its topics once since it started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      consumer.wakeup();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
