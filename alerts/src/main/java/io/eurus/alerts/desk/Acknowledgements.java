package io.eurus.alerts.desk;

import io.eurus.events.Alert;
import io.eurus.events.AlertAck;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import java.time.Clock;

/**
 * The desk acknowledges an alert: the acknowledgement is written to the compacted {@code alerts.acks} and
 * shown once the broker has it, so it survives restarts and every dashboard instance sees it.
 */
public final class Acknowledgements {

  private final Desk desk;
  private final EventProducer producer;
  private final Clock clock;

  public Acknowledgements(Desk desk, EventProducer producer, Clock clock) {
    this.desk = desk;
    this.producer = producer;
    this.clock = clock;
  }

  /**
   * Acknowledges the alert with id {@code key#revision} (or a bare key: its latest revision).
   *
   * @throws DeskRefusal when no recent alert has the id, or Kafka did not store the acknowledgement
   */
  public AlertAck acknowledge(String alertId, String by) throws DeskRefusal {
    int hash = alertId.lastIndexOf('#');
    String key = hash < 0 ? alertId : alertId.substring(0, hash);
    Alert alert = desk.alertByKey(key);
    if (alert == null) {
      throw new DeskRefusal(DeskRefusal.Reason.UNKNOWN, "no recent alert has the id " + alertId);
    }
    AlertAck ack = new AlertAck(AlertAck.SCHEMA_VERSION, key, alert.id(), alert.revision(), by, clock.instant());
    Stored.await(producer.send(Topics.ALERTS_ACKS, key, ack), "the acknowledgement");
    desk.ack(ack);
    return ack;
  }
}
