package io.eurus.alerts.routing;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import java.util.List;
import java.util.Set;

/**
 * One rule of the routing file: alerts of these types and severities go to these channels. An empty set of
 * types or severities matches all of them.
 */
public record Route(Set<AlertType> types, Set<Severity> severities, Severity minSeverity, List<String> to) {

  public boolean matches(Alert alert) {
    return (types.isEmpty() || types.contains(alert.type()))
        && (severities.isEmpty() || severities.contains(alert.severity()))
        && (minSeverity == null || alert.severity().compareTo(minSeverity) >= 0);
  }
}
