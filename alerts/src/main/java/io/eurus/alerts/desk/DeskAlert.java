package io.eurus.alerts.desk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.eurus.events.Alert;
import io.eurus.events.AlertAck;

/**
 * An alert as the desk sees it: the alert's own fields, plus the acknowledgement when there is one, and whether a
 * mute of its story or rules covers it now.
 */
public record DeskAlert(@JsonUnwrapped Alert alert, AlertAck ack, boolean muted) {

  public DeskAlert(Alert alert, AlertAck ack) {
    this(alert, ack, false);
  }
}
