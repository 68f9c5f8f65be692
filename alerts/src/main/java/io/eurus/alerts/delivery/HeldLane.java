package io.eurus.alerts.delivery;

import io.eurus.alerts.routing.ChannelPlan;
import io.eurus.alerts.routing.Routing;
import io.eurus.events.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Delivers what a channel holds back (quiet hours, the email digest) when its time comes. Held alerts stay
 * uncommitted until delivered, so a restart re-reads and holds them again: nothing held is lost, and the
 * channel's other lane, which has its own offsets, goes on meanwhile.
 */
public final class HeldLane extends Lane {

  /** Digests are one delivery each, one after the other. */
  private static final String DIGEST = "digest";

  private static final class Held {
    final ConsumerRecord<String, Alert> record;
    final Instant release;
    boolean inDelivery;

    Held(ConsumerRecord<String, Alert> record, Instant release) {
      this.record = record;
      this.release = release;
    }
  }

  private final Map<TopicPartition, TreeMap<Long, Held>> held = new HashMap<>();
  private int count;

  public HeldLane(ChannelPlan plan, Routing routing, Context context) {
    super("held", plan, routing, context);
  }

  @Override
  boolean takes(Alert alert, Instant at) {
    return plan.hold().releaseAt(alert, at) != null;
  }

  @Override
  void accept(ConsumerRecord<String, Alert> record) {
    Instant release = plan.hold().releaseAt(record.value(), Instant.ofEpochMilli(record.timestamp()));
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    held.computeIfAbsent(partition, p -> new TreeMap<>()).put(record.offset(), new Held(record, release));
    ledger.open(partition, record.offset());
    count++;
  }

  @Override
  void afterPoll() {
    Instant now = context.clock().instant();
    List<Held> due = new ArrayList<>();
    held.values().forEach(partition -> partition.values().stream().filter(h -> !h.inDelivery && !h.release.isAfter(now)).forEach(due::add));
    if (!due.isEmpty()) {
      due.sort(Comparator.comparing((Held h) -> h.release).thenComparing(h -> h.record.timestamp()));
      due.forEach(h -> h.inDelivery = true);
      release(due.stream().map(h -> h.record).toList());
    }
  }

  private void release(List<ConsumerRecord<String, Alert>> records) {
    if (plan.channel().sendsDigests()) {
      List<Alert> alerts = records.stream().map(ConsumerRecord::value).toList();
      submit(DIGEST, records, () -> plan.channel().deliverDigest(alerts), "digest of " + alerts.size());
      return;
    }
    for (ConsumerRecord<String, Alert> record : records) {
      submit(record.value().key(), List.of(record), () -> plan.channel().deliver(record.value()), record.value().id());
    }
  }

  @Override
  void ended(Deliveries.Outcome outcome) {
    for (ConsumerRecord<String, Alert> record : outcome.job().records) {
      TopicPartition topicPartition = new TopicPartition(record.topic(), record.partition());
      TreeMap<Long, Held> partition = held.get(topicPartition);
      Held h = partition == null ? null : partition.get(record.offset());
      if (h == null) {
        continue;
      }
      if (outcome.result() == Deliveries.Result.ABANDONED) {
        h.inDelivery = false; // released again at the next poll, if the partition is still ours
      } else {
        partition.remove(record.offset());
        ledger.settle(topicPartition, record.offset());
        count--;
      }
    }
  }

  @Override
  int backlog() {
    return count;
  }

  /** Held alerts wait for hours (a night's quiet, a daily digest): many more may be held than are in delivery. */
  @Override
  int maxBacklog() {
    return 10_000;
  }

  @Override
  void revoked(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      TreeMap<Long, Held> dropped = held.remove(partition);
      count -= dropped == null ? 0 : dropped.size();
    }
  }

  @Override
  boolean reportsUnreadable() {
    return false;
  }
}
