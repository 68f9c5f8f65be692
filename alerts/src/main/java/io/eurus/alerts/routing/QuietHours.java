package io.eurus.alerts.routing;

import io.eurus.events.Severity;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A channel's quiet hours: alerts below {@code bypass} that arrive between {@code from} and {@code to}
 * (local time in {@code zone}; may span midnight) are held and delivered when the quiet hours end.
 * Nothing is dropped: quiet means later, not never.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone, Severity bypass) {

  public boolean holds(Severity severity) {
    return bypass == null || severity.compareTo(bypass) < 0;
  }

  public boolean isQuiet(Instant t) {
    LocalTime local = t.atZone(zone).toLocalTime();
    return from.isBefore(to)
        ? !local.isBefore(from) && local.isBefore(to)
        : !local.isBefore(from) || local.isBefore(to);
  }

  /** The end of the quiet period that contains {@code t}. */
  public Instant endAfter(Instant t) {
    ZonedDateTime end = t.atZone(zone).with(to).withNano(0);
    return (end.toInstant().isAfter(t) ? end : end.plusDays(1)).toInstant();
  }
}
