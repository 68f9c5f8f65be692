package io.eurus.alerts.delivery;

import io.eurus.alerts.routing.ChannelPlan;
import io.eurus.alerts.routing.Routing;
import io.eurus.events.Alert;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Delivers the alerts a channel takes at once: several at a time, each alert key in partition order. An alert
 * stays open in the {@link OffsetLedger} until it is delivered or dead-lettered, so a restart resends nothing
 * that was settled and loses nothing that was not.
 */
public final class ImmediateLane extends Lane {

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
    ledger.open(new TopicPartition(record.topic(), record.partition()), record.offset());
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
      ledger.settle(new TopicPartition(record.topic(), record.partition()), record.offset());
    }
  }

  @Override
  int backlog() {
    return backlog;
  }

  @Override
  boolean reportsUnreadable() {
    return true;
  }
}
