package io.eurus.alerts.desk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.eurus.events.Alert;
import io.eurus.events.AlertAck;

/** An alert as the desk sees it: the alert's own fields, plus the acknowledgement when there is one. */
public record DeskAlert(@JsonUnwrapped Alert alert, AlertAck ack) {
}
