package io.eurus.embedded.testing;

import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * How far a consumer group has got: the condition a test waits on instead of sleeping "so that a duplicate would
 * show up". Once a group has committed the end of a topic as it stood, everything published before has been
 * processed — and, for an exactly-once processor or a service that commits after it acts, whatever it produced
 * from it is already out.
 */
public final class GroupProgress {

  private GroupProgress() {
  }

  /**
   * Waits until each group has committed, on every partition of {@code topic}, the end offset it has now. Only for
   * topics written without transactions: a transaction's commit marker takes an offset no consumer commits past.
   */
  public static void awaitCaughtUp(String bootstrapServers, String topic, Duration timeout, String... groups) {
    awaitCaughtUp(KafkaConnection.to(bootstrapServers), topic, timeout, groups);
  }

  /** The same on a broker that needs more than an address (a secured one). */
  public static void awaitCaughtUp(KafkaConnection kafka, String topic, Duration timeout, String... groups) {
    try (Admin admin = KafkaClients.admin(kafka, Duration.ofSeconds(30))) {
      List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
          .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
      for (String group : groups) {
        Awaitility.await().atMost(timeout).until(() -> {
          Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata().get();
          // A partition the group never read counts as caught up only when nothing was ever written to it.
          return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
              || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
        });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + String.join(", ", groups) + " on " + topic + ": " + e, e);
    }
  }
}
