package io.eurus.alerts.delivery;

import io.eurus.alerts.routing.ChannelPlan;
import io.eurus.alerts.routing.Routing;
import io.eurus.events.Alert;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Delivers the alerts a channel takes at once, one by one in partition order. */
public final class ImmediateLane extends Lane {

  private final Map<TopicPartition, Long> positions = new HashMap<>();

  public ImmediateLane(ChannelPlan plan, Routing routing, Context context) {
    super("now", plan, routing, context);
  }

  @Override
  boolean takes(Alert alert, Instant at) {
    return plan.hold().releaseAt(alert, at) == null;
  }

  @Override
  boolean accept(ConsumerRecord<String, Alert> record) {
    Alert alert = record.value();
    if (!deliver(() -> plan.channel().deliver(alert), List.of(record), alert.id())) {
      return false;
    }
    settled(new TopicPartition(record.topic(), record.partition()), record.offset());
    return true;
  }

  @Override
  void settled(TopicPartition partition, long offset) {
    positions.put(partition, offset + 1);
  }

  @Override
  Map<TopicPartition, Long> positions() {
    return positions;
  }

  @Override
  void revoked(java.util.Collection<TopicPartition> partitions) {
    partitions.forEach(positions::remove);
  }

  @Override
  boolean reportsUnreadable() {
    return true;
  }
}
