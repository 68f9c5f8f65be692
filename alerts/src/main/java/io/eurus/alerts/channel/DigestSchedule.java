package io.eurus.alerts.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a digest goes out: every period aligned on the epoch (hourly = at each full hour), or daily at a
 * time of day in a zone. A function of the alert's time only, so it gives the same answer after a restart.
 */
public record DigestSchedule(Duration every, LocalTime dailyAt, ZoneId zone) {

  public static DigestSchedule every(Duration period) {
    return new DigestSchedule(period, null, null);
  }

  public static DigestSchedule daily(LocalTime at, ZoneId zone) {
    return new DigestSchedule(null, at, zone);
  }

  /** The first digest strictly after {@code t}. */
  public Instant next(Instant t) {
    if (every != null) {
      long period = every.toMillis();
      return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), period) * period + period);
    }
    ZonedDateTime today = t.atZone(zone).with(dailyAt).withNano(0);
    return (today.toInstant().isAfter(t) ? today : today.plusDays(1)).toInstant();
  }
}
