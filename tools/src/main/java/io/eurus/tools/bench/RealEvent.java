package io.eurus.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A real event of the list the team wrote ({@code bench/realnews/events.yaml}): what happened, on which days, in
 * the period of which archive, and one public source.
 *
 * @param until   the last day, for an event that spans several; null for one day
 * @param archive the archive whose period holds it: its file name without {@code .jsonl.gz}
 */
record RealEvent(LocalDate date, LocalDate until, String archive, String what, String source) {

  /** Raised this long before the event's first day (UTC) still counts: it may have begun the evening before. */
  static final Duration EARLY = Duration.ofHours(6);
  /** Raised this long after the event's last day still counts: a daily window closes a day later. */
  static final Duration LATE = Duration.ofDays(1);
  /**
   * One more day for an archive dated by the day only: a day's coverage is all stamped at its midnight, and its window
   * closes only when the next day's first item moves the stream on.
   */
  static final Duration LATE_BY_DAY = Duration.ofDays(2);

  private record EventFile(List<RealEvent> events) {
  }

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()).addModule(new JavaTimeModule()).build();

  /** The events of {@code file} in the period of {@code archive}, in date order. */
  static List<RealEvent> load(Path file, String archive) throws IOException {
    List<RealEvent> events = new ArrayList<>();
    for (RealEvent event : YAML.readValue(file.toFile(), EventFile.class).events()) {
      if (event.date() == null || event.what() == null || event.source() == null || event.archive() == null) {
        throw new IOException(file + ": every event needs date, archive, what and source (" + event + ")");
      }
      if (event.archive().equals(archive)) {
        events.add(event);
      }
    }
    events.sort(java.util.Comparator.comparing(RealEvent::date));
    return events;
  }

  /** The start of its first day, UTC: what delays are counted from. */
  Instant begins() {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Whether an alert raised at {@code created} is in time to report it, in an archive timed to the minute. */
  boolean covers(Instant created) {
    return covers(created, false);
  }

  /** @param byDay whether the archive dates its items by the day only */
  boolean covers(Instant created, boolean byDay) {
    LocalDate last = until == null ? date : until;
    Instant from = begins().minus(EARLY);
    Instant to = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(byDay ? LATE_BY_DAY : LATE);
    return !created.isBefore(from) && created.isBefore(to);
  }
}
