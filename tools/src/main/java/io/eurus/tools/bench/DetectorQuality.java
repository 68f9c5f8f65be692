package io.eurus.tools.bench;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How well the detectors did on a month of {@link CoverageGenerator}: which of its planted events they found and
 * how soon, and how many times they raised an alert about nothing — on the planted month, and on the same month
 * with nothing planted, where every alert is a false alarm. Counts episodes (one alert key, however many
 * revisions it had), as the desk sees them. Rule matches are left out: they answer the desk's own queries.
 *
 * <p>An episode finds an event when it is of a type that should find it, in a bloc it touches (or over all
 * sources), in its direction, dated before the event ends and raised after it began, when a window that began
 * in it closed (its {@code at}, where the detector dates the change, may be earlier: a CUSUM's start takes in the
 * drift before; the report counts those dated more than six hours early). One in the opposite direction raised as it ends, up to two days on, is the coverage returning to its
 * usual tone: a real change, not counted as a false alarm.
 *
 * <p>Usage: {@code DetectorQuality ALERTS.jsonl DAYS [quiet]}, with the days the month was generated with.
 */
public final class DetectorQuality {

  /** How long after an event's end a window that began in it may close: a day's window and its grace. */
  private static final Duration RAISED_WITHIN = Duration.ofDays(1).plusHours(1);
  private static final Duration RETURN_WITHIN = Duration.ofDays(2);
  /** A found episode dated this long before its event began: the change-point estimate took in earlier noise. */
  private static final Duration DATED_EARLY = Duration.ofHours(6);

  /** One alert key: its first revision (where and when it began) and how many it had. */
  record Episode(Alert first, int revisions) {

    /** The same episode with {@code other}'s revisions too. */
    Episode with(Episode other) {
      return new Episode(first.revision() <= other.first.revision() ? first : other.first, revisions + other.revisions);
    }

    String describe() {
      return String.format(Locale.ROOT, "%s %s %s%s", first.type(), series(), first.at(),
          first.direction() == null ? "" : " " + first.direction());
    }

    String series() {
      return first.evidence() != null && first.evidence().series() != null ? first.evidence().series() : first.key();
    }
  }

  private DetectorQuality() {
  }

  public static void main(String[] args) throws IOException {
    Path alerts = Path.of(args[0]);
    int days = Integer.parseInt(args[1]);
    boolean quiet = args.length > 2 && args[2].equals("quiet");
    List<Episode> episodes = episodes(alerts);
    System.out.print(report(alerts.getFileName().toString(), days, episodes,
        quiet ? List.of() : CoverageGenerator.plantedEvents(days)));
  }

  static List<Episode> episodes(Path alerts) throws IOException {
    Map<String, Episode> episodes = new LinkedHashMap<>();
    try (BufferedReader lines = Files.newBufferedReader(alerts, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.contains("\"type\":\"RULE_MATCH\"")) {
          continue; // most of the file: not parsed
        }
        Alert alert = Json.mapper().readValue(line, Alert.class);
        if (alert.type() == AlertType.RULE_MATCH) {
          continue;
        }
        episodes.merge(alert.key(), new Episode(alert, 1), Episode::with);
      }
    }
    return List.copyOf(episodes.values());
  }

  static String report(String name, int days, List<Episode> episodes, List<PlantedEvent> planted) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s: %d days, %s; %d episodes (%d alerts with their revisions)%n", name, days,
        planted.isEmpty() ? "nothing planted" : planted.size() + " events planted", episodes.size(),
        episodes.stream().mapToInt(Episode::revisions).sum()));
    List<Episode> unexplained = new ArrayList<>(episodes);
    for (PlantedEvent event : planted) {
      List<Episode> found = episodes.stream().filter(episode -> finds(episode, event)).toList();
      List<Episode> returns = episodes.stream().filter(episode -> returnsFrom(episode, event)).toList();
      unexplained.removeAll(found);
      unexplained.removeAll(returns);
      if (found.isEmpty()) {
        out.append("  MISSED ").append(event.name()).append('\n');
        continue;
      }
      Instant firstAlert = found.stream().map(episode -> episode.first().created()).min(Instant::compareTo).orElseThrow();
      long early = found.stream().filter(episode -> episode.first().at().isBefore(event.from().minus(DATED_EARLY))).count();
      out.append(String.format(Locale.ROOT, "  found  %s: %d episodes (%s), first alert %s after it began%s%s%n",
          event.name(), found.size(), byType(found), hours(Duration.between(event.from(), firstAlert)),
          early == 0 ? "" : "; " + early + " dated over 6h before it began",
          returns.isEmpty() ? "" : "; " + returns.size() + " on its end, as the tone returned"));
    }
    double weeks = days / 7.0;
    out.append(String.format(Locale.ROOT, "  false alarms: %d%s = %.1f a week%n", unexplained.size(),
        unexplained.isEmpty() ? "" : " (" + byType(unexplained) + ")", unexplained.size() / weeks));
    unexplained.forEach(episode -> out.append("    ").append(episode.describe()).append(' ')
        .append(episode.first().severity()).append('\n'));
    return out.toString();
  }

  static boolean finds(Episode episode, PlantedEvent event) {
    Alert alert = episode.first();
    return event.types().contains(alert.type().name()) && event.touches(alert.bloc())
        && (alert.direction() == null || alert.direction().name().equals(event.direction()))
        && alert.at().isBefore(event.to()) && within(alert.created(), event.from(), event.to().plus(RAISED_WITHIN));
  }

  static boolean returnsFrom(Episode episode, PlantedEvent event) {
    Alert alert = episode.first();
    return alert.type() != AlertType.VOLUME_SPIKE && event.touches(alert.bloc()) && alert.direction() != null
        && !alert.direction().name().equals(event.direction())
        && within(alert.created(), event.to(), event.to().plus(RETURN_WITHIN));
  }

  private static boolean within(Instant time, Instant from, Instant to) {
    return !time.isBefore(from) && time.isBefore(to);
  }

  private static String byType(List<Episode> episodes) {
    return episodes.stream().collect(Collectors.groupingBy(episode -> episode.first().type().name(), TreeMap::new,
            Collectors.counting()))
        .entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
  }

  private static String hours(Duration duration) {
    return duration.toMinutes() % 60 == 0 ? duration.toHours() + "h"
        : duration.toHours() + "h" + String.format(Locale.ROOT, "%02d", duration.toMinutes() % 60) + "m";
  }
}
