package io.eurus.alerts;

import io.eurus.events.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest revision of the most recent alerts, for the dashboard; bounded so it cannot grow without limit. */
public final class RecentAlerts {

  private final int capacity;
  private final LinkedHashMap<String, Alert> byKey = new LinkedHashMap<>();

  public RecentAlerts(int capacity) {
    this.capacity = capacity;
  }

  public synchronized void add(Alert alert) {
    Alert known = byKey.get(alert.key());
    if (known != null && known.revision() >= alert.revision()) {
      return; // a repeat or an older revision: the dashboard already shows something as new
    }
    byKey.remove(alert.key());
    byKey.put(alert.key(), alert);
    if (byKey.size() > capacity) {
      String oldest = byKey.keySet().iterator().next();
      byKey.remove(oldest);
    }
  }

  /** Newest first (by the time the alert was produced, then by arrival). */
  public synchronized List<Alert> newestFirst() {
    List<Alert> alerts = new ArrayList<>(byKey.values());
    java.util.Collections.reverse(alerts);
    alerts.sort(Comparator.comparing(Alert::created, Comparator.nullsLast(Comparator.reverseOrder())));
    return alerts;
  }

  public synchronized Map<String, Alert> snapshot() {
    return Map.copyOf(byKey);
  }
}
