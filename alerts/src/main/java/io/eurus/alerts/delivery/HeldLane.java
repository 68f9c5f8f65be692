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

  /** More than this many held alerts pause reading until some are released, to bound memory. */
  static final int MAX_HELD = 10_000;

  private record Held(ConsumerRecord<String, Alert> record, Instant release) {
  }

  private final Map<TopicPartition, TreeMap<Long, Held>> held = new HashMap<>();
  private final Map<TopicPartition, Long> seen = new HashMap<>();
  private int count;
  private boolean paused;

  public HeldLane(ChannelPlan plan, Routing routing, Context context) {
    super("held", plan, routing, context);
  }

  @Override
  boolean takes(Alert alert, Instant at) {
    return plan.hold().releaseAt(alert, at) != null;
  }

  @Override
  boolean accept(ConsumerRecord<String, Alert> record) {
    Instant release = plan.hold().releaseAt(record.value(), Instant.ofEpochMilli(record.timestamp()));
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    held.computeIfAbsent(partition, p -> new TreeMap<>()).put(record.offset(), new Held(record, release));
    seen.put(partition, record.offset() + 1);
    count++;
    return true;
  }

  @Override
  void afterPoll() {
    Instant now = context.clock().instant();
    List<Held> due = new ArrayList<>();
    held.values().forEach(partition -> partition.values().stream().filter(h -> !h.release().isAfter(now)).forEach(due::add));
    if (!due.isEmpty()) {
      due.sort(Comparator.comparing(Held::release).thenComparing(h -> h.record().timestamp()));
      release(due);
    }
    boolean full = count >= MAX_HELD;
    if (full != paused) {
      pauseConsumption(full);
      paused = full;
    }
  }

  private void release(List<Held> due) {
    List<ConsumerRecord<String, Alert>> records = due.stream().map(Held::record).toList();
    if (plan.channel().sendsDigests()) {
      List<Alert> alerts = records.stream().map(ConsumerRecord::value).toList();
      if (deliver(() -> plan.channel().deliverDigest(alerts), records, "digest of " + alerts.size())) {
        records.forEach(this::forget);
      }
      return;
    }
    for (ConsumerRecord<String, Alert> record : records) {
      if (!deliver(() -> plan.channel().deliver(record.value()), List.of(record), record.value().id())) {
        return;
      }
      forget(record);
    }
  }

  private void forget(ConsumerRecord<String, Alert> record) {
    TreeMap<Long, Held> partition = held.get(new TopicPartition(record.topic(), record.partition()));
    if (partition != null && partition.remove(record.offset()) != null) {
      count--;
    }
  }

  @Override
  void settled(TopicPartition partition, long offset) {
    seen.put(partition, offset + 1);
  }

  @Override
  Map<TopicPartition, Long> positions() {
    Map<TopicPartition, Long> positions = new HashMap<>(seen);
    held.forEach((partition, records) -> {
      if (!records.isEmpty()) {
        positions.put(partition, records.firstKey());
      }
    });
    return positions;
  }

  @Override
  void revoked(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      TreeMap<Long, Held> dropped = held.remove(partition);
      count -= dropped == null ? 0 : dropped.size();
      seen.remove(partition);
    }
  }

  @Override
  boolean reportsUnreadable() {
    return false;
  }
}
