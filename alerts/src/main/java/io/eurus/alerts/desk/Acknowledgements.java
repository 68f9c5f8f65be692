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

  /** Why an acknowledgement was not stored. */
  public static final class AckException extends Exception {
    private final boolean unknownAlert;

    AckException(String message, boolean unknownAlert) {
      super(message);
      this.unknownAlert = unknownAlert;
    }

    public boolean unknownAlert() {
      return unknownAlert;
    }
  }

  private final Desk desk;
  private final EventProducer producer;
  private final Clock clock;

  public Acknowledgements(Desk desk, EventProducer producer, Clock clock) {
    this.desk = desk;
    this.producer = producer;
    this.clock = clock;
  }

  /** Acknowledges the alert with id {@code key#revision} (or a bare key: its latest revision). */
  public AlertAck acknowledge(String alertId, String by) throws AckException {
    int hash = alertId.lastIndexOf('#');
    String key = hash < 0 ? alertId : alertId.substring(0, hash);
    Alert alert = desk.alertByKey(key);
    if (alert == null) {
      throw new AckException("no recent alert has the id " + alertId, true);
    }
    AlertAck ack = new AlertAck(AlertAck.SCHEMA_VERSION, key, alert.id(), alert.revision(), by, clock.instant());
    try {
      Stored.await(producer.send(Topics.ALERTS_ACKS, key, ack), "the acknowledgement");
    } catch (Stored.NotStored e) {
      throw new AckException(e.getMessage(), false);
    }
    desk.ack(ack);
    return ack;
  }
}
