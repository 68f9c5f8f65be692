package io.eurus.alerts.delivery;

import io.eurus.alerts.routing.ChannelPlan;
import io.eurus.alerts.routing.Routing;
import io.eurus.events.Alert;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Delivers the alerts a channel takes at once: several at a time, each alert key in partition order. The
 * committed position of a partition is its oldest alert still in delivery, so a restart resends nothing that
 * was settled and loses nothing that was not.
 */
public final class ImmediateLane extends Lane {

  /** Per partition: the offsets in delivery, and the offset after the last one read. */
  private final Map<TopicPartition, TreeSet<Long>> inDelivery = new HashMap<>();
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private int backlog;

  public ImmediateLane(ChannelPlan plan, Routing routing, Context context) {
    super("now", plan, routing, context);
  }

  @Override
  boolean takes(Alert alert, Instant at) {
    return plan.hold().releaseAt(alert, at) == null;
  }

  @Override
  void accept(ConsumerRecord<String, Alert> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    inDelivery.computeIfAbsent(partition, p -> new TreeSet<>()).add(record.offset());
    next.put(partition, record.offset() + 1);
    backlog++;
    Alert alert = record.value();
    submit(alert.key(), List.of(record), () -> plan.channel().deliver(alert), alert.id());
  }

  @Override
  void ended(Deliveries.Outcome outcome) {
    backlog--;
    if (outcome.result() == Deliveries.Result.ABANDONED) {
      return; // stays unsettled: delivered again after the restart or by the partition's next owner
    }
    for (ConsumerRecord<String, Alert> record : outcome.job().records) {
      TreeSet<Long> offsets = inDelivery.get(new TopicPartition(record.topic(), record.partition()));
      if (offsets != null) {
        offsets.remove(record.offset());
      }
    }
  }

  @Override
  int backlog() {
    return backlog;
  }

  @Override
  void settled(TopicPartition partition, long offset) {
    next.merge(partition, offset + 1, Math::max);
  }

  @Override
  Map<TopicPartition, Long> positions() {
    Map<TopicPartition, Long> positions = new HashMap<>(next);
    inDelivery.forEach((partition, offsets) -> {
      if (!offsets.isEmpty()) {
        positions.put(partition, offsets.first());
      }
    });
    return positions;
  }

  @Override
  void revoked(Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> {
      next.remove(partition);
      inDelivery.remove(partition);
    });
  }

  @Override
  boolean reportsUnreadable() {
    return true;
  }
}
