package io.eurus.alerts.desk;

import io.eurus.events.Alert;
import io.eurus.events.Mute;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The desk's mutes in force, shared by the dashboard and every delivery lane (thread-safe). Read whole from the
 * compacted {@code alerts.mutes} before the lanes start ({@link #load}), so a restarted service delivers nothing the
 * desk muted; kept current by the {@link DeskFeed} from then on.
 */
public final class Mutes {

  private final Map<String, Mute> byKey = new ConcurrentHashMap<>();

  /** A mute stored (or a later one for the same story or rule). */
  public void put(Mute mute) {
    byKey.put(mute.key(), mute);
  }

  /** A mute lifted: its tombstone. */
  public void remove(String key) {
    byKey.remove(key);
  }

  /**
   * Whether {@code alert} is muted at {@code now}: its story is muted, or it lists rules and every one of them is
   * (a story that also matched a rule nobody muted still reaches the desk).
   */
  public boolean muted(Alert alert, Instant now) {
    if (alert == null) {
      return false;
    }
    List<Mute> active = byKey.values().stream().filter(mute -> mute.activeAt(now)).toList();
    if (alert.storyId() != null && active.stream().anyMatch(m -> m.kind() == Mute.Kind.STORY && m.covers(alert))) {
      return true;
    }
    return !alert.rules().isEmpty() && alert.rules().stream().allMatch(rule -> active.stream()
        .anyMatch(m -> m.kind() == Mute.Kind.RULE && m.target().equals(rule.id())));
  }

  /** The mutes in force at {@code now}, those ending soonest first. */
  public List<Mute> active(Instant now) {
    return byKey.values().stream().filter(mute -> mute.activeAt(now)).sorted(Comparator.comparing(Mute::until)).toList();
  }

  /**
   * Reads every mute of {@code alerts.mutes} up to its end, without a consumer group.
   *
   * @throws org.apache.kafka.common.errors.TimeoutException when Kafka does not answer in time
   */
  public void load(KafkaConnection kafka, Duration timeout) {
    Map<String, Object> config = KafkaClients.consumerConfig(kafka, null, "eurus-alerts-mutes");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS_MUTES.name(), timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new org.apache.kafka.common.errors.TimeoutException("reading alerts.mutes took longer than " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record);
        }
      }
    }
  }

  /** One record of {@code alerts.mutes}: a mute, or a tombstone lifting one. */
  void apply(ConsumerRecord<byte[], byte[]> record) {
    Mute mute = Topics.ALERTS_MUTES.valueSerde().deserializer().deserialize(record.topic(), record.value());
    if (mute != null) {
      put(mute);
    } else if (record.key() != null) {
      remove(Topics.ALERTS_MUTES.keySerde().deserializer().deserialize(record.topic(), record.key()));
    }
  }
}
