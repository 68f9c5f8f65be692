package io.eurus.alerts.delivery;

import java.time.Duration;

/** Durations as the desk reads them in a reason: "24h", "90s", "1.5s". */
final class Durations {

  private Durations() {
  }

  static String text(Duration d) {
    if (d.toMillis() < 10_000 && d.toMillis() % 1000 != 0) {
      return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
    long s = d.toSeconds();
    if (s % 3600 == 0 && s > 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0 && s > 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
