package io.eurus.alerts.desk;

import io.eurus.events.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/** The latest revision of the most recent alerts; bounded so it cannot grow without limit. Not thread-safe. */
final class RecentAlerts {

  private final int capacity;
  private final LinkedHashMap<String, Alert> byKey = new LinkedHashMap<>();

  RecentAlerts(int capacity) {
    this.capacity = capacity;
  }

  /** Returns whether the alert is new or a newer revision, i.e. whether the desk's view changed. */
  boolean add(Alert alert) {
    Alert known = byKey.get(alert.key());
    if (known != null && known.revision() >= alert.revision()) {
      return false; // a repeat or an older revision: the dashboard already shows something as new
    }
    byKey.remove(alert.key());
    byKey.put(alert.key(), alert);
    if (byKey.size() > capacity) {
      byKey.remove(byKey.keySet().iterator().next());
    }
    return true;
  }

  Alert byKey(String key) {
    return byKey.get(key);
  }

  /** Newest first: by the alert's event time, then by arrival. */
  List<Alert> newestFirst() {
    List<Alert> alerts = new ArrayList<>(byKey.values());
    java.util.Collections.reverse(alerts);
    alerts.sort(Comparator.comparing(Alert::at, Comparator.nullsLast(Comparator.reverseOrder())));
    return alerts;
  }
}
