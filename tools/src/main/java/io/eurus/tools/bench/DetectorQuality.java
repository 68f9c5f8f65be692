package io.eurus.tools.bench;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * How well the detectors did on a real archive (one of {@code ../shared/data/realnews}), judged against the dated
 * events the team listed ({@link RealEvent}): per detector, the events it found and how soon, the episodes no listed
 * event explains (false alarms, per month), and the alerts a desk got per day. One or more runs side by side — the
 * replay of the same archive by another version or another detectors file is the baseline.
 *
 * <p>An episode is one alert key, however many revisions it had, as the desk sees it. It finds an event when it was
 * raised (its first revision's {@code created}) in the event's time ({@link RealEvent#covers}); any detector, any
 * series: a real event moves several. Alerts a day count every alert record, rule matches and revisions included
 * (each reaches the desk), over the days the archive has coverage on.
 *
 * <p>Usage: {@code DetectorQuality EVENTS.yaml ARCHIVE.jsonl.gz NAME=ALERTS.jsonl [NAME=ALERTS.jsonl ...]}
 */
public final class DetectorQuality {

  /** The detectors judged: every alert type that is not the desk's own rules or feed health. */
  static final List<AlertType> DETECTORS = Arrays.stream(AlertType.values())
      .filter(type -> type != AlertType.RULE_MATCH && !type.name().startsWith("FEED_")).toList();
  private static final double DAYS_A_MONTH = 365.25 / 12;
  private static final Pattern PUBLISHED = Pattern.compile("\"published\"\\s*:\\s*\"(\\d{4}-\\d\\d-\\d\\d)");
  private static final String BY_DAY = "\"published_precision\": \"day\"";

  /** One alert key: its first revision and how many it had. */
  record Episode(Alert first, int revisions) {

    Episode with(Episode other) {
      return new Episode(first.revision() <= other.first.revision() ? first : other.first, revisions + other.revisions);
    }

    Instant raised() {
      return raisedAt(first);
    }

    String describe() {
      String series = first.evidence() != null && first.evidence().series() != null ? first.evidence().series() : first.key();
      return String.format(Locale.ROOT, "%s %s %s%s %s \"%s\"", raised().toString().substring(0, 16).replace('T', ' '),
          first.type(), series, first.direction() == null ? "" : " " + first.direction(), first.severity(),
          leadTitle(first));
    }
  }

  /**
   * The archive judged on: the days it has coverage on, and whether it dates items by the day only.
   */
  record Archive(String name, TreeSet<LocalDate> days, boolean byDay) {
  }

  /** One run's alerts, read once. */
  record Run(String name, List<Episode> episodes, Map<LocalDate, Integer> alertsPerDay) {
  }

  private DetectorQuality() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: DetectorQuality EVENTS.yaml ARCHIVE.jsonl.gz NAME=ALERTS.jsonl [NAME=ALERTS.jsonl ...]");
      System.exit(2);
    }
    Path archive = Path.of(args[1]);
    String name = archive.getFileName().toString().replaceFirst("\\.jsonl(\\.gz)?$", "");
    List<RealEvent> events = RealEvent.load(Path.of(args[0]), name);
    List<Run> runs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] run = args[i].split("=", 2);
      runs.add(read(run[0], Path.of(run[1])));
    }
    System.out.print(report(covered(name, archive), events, runs));
  }

  /**
   * The days on which the archive has at least one item (the days a desk would have been reading it), and whether
   * most of its items are dated by the day only.
   */
  static Archive covered(String name, Path archive) throws IOException {
    TreeSet<LocalDate> days = new TreeSet<>();
    long items = 0;
    long byDay = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(archive), 1 << 16), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Matcher published = PUBLISHED.matcher(line);
        if (published.find()) {
          days.add(LocalDate.parse(published.group(1)));
          items++;
          byDay += line.contains(BY_DAY) ? 1 : 0;
        }
      }
    }
    return new Archive(name, days, byDay * 2 > items);
  }

  static Run read(String name, Path alerts) throws IOException {
    Map<String, Episode> episodes = new LinkedHashMap<>();
    Map<LocalDate, Integer> perDay = new TreeMap<>();
    try (BufferedReader lines = Files.newBufferedReader(alerts, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Alert alert = Json.mapper().readValue(line, Alert.class);
        perDay.merge(LocalDate.ofInstant(raisedAt(alert), ZoneOffset.UTC), 1, Integer::sum);
        if (DETECTORS.contains(alert.type())) {
          episodes.merge(alert.key(), new Episode(alert, 1), Episode::with);
        }
      }
    }
    return new Run(name, List.copyOf(episodes.values()), perDay);
  }

  static String report(Archive archive, List<RealEvent> events, List<Run> runs) {
    StringBuilder out = new StringBuilder();
    TreeSet<LocalDate> days = archive.days();
    boolean byDay = archive.byDay();
    double months = days.size() / DAYS_A_MONTH;
    out.append(String.format(Locale.ROOT, "== %s: %s to %s, %d days with coverage%s, %d events listed%n", archive.name(),
        days.isEmpty() ? "-" : days.first(), days.isEmpty() ? "-" : days.last(), days.size(),
        byDay ? " (dated by the day)" : "", events.size()));
    for (Run run : runs) {
      out.append(String.format(Locale.ROOT, "-- %s%n", run.name()));
      out.append(String.format(Locale.ROOT, "  %-16s %8s %7s %13s %12s %9s %10s%n", "detector", "episodes", "events",
          "median delay", "false alarms", "per month", "alerts/day"));
      for (AlertType type : DETECTORS) {
        List<Episode> ofType = run.episodes().stream().filter(e -> e.first().type() == type).toList();
        out.append(row(type.name(), ofType, events, months, days.size(), byDay));
      }
      out.append(row("any detector", run.episodes(), events, months, days.size(), byDay));
      out.append(distribution(run, days));
      out.append("  events:\n");
      for (RealEvent event : events) {
        out.append(eventLine(event, run.episodes(), byDay));
      }
      List<Episode> unexplained = unexplained(run.episodes(), events, byDay);
      out.append(String.format(Locale.ROOT, "  false alarms (episodes no listed event explains): %d%n", unexplained.size()));
      unexplained.forEach(episode -> out.append("    ").append(episode.describe()).append('\n'));
    }
    return out.toString();
  }

  private static String row(String label, List<Episode> episodes, List<RealEvent> events, double months, int days,
      boolean byDay) {
    long found = events.stream().filter(event -> episodes.stream().anyMatch(e -> event.covers(e.raised(), byDay))).count();
    List<Long> minutes = new ArrayList<>();
    for (RealEvent event : events) {
      firstFinding(event, episodes, byDay).ifPresent(e -> minutes.add(Duration.between(event.begins(), e.raised()).toMinutes()));
    }
    String median = minutes.isEmpty() ? "-" : hours(median(minutes));
    int unexplained = unexplained(episodes, events, byDay).size();
    int alerts = episodes.stream().mapToInt(Episode::revisions).sum();
    return String.format(Locale.ROOT, "  %-16s %8d %3d of %-3d %12s %12d %9.1f %10.2f%n", label, episodes.size(), found,
        events.size(), median, unexplained, months == 0 ? 0 : unexplained / months, days == 0 ? 0 : alerts / (double) days);
  }

  /** Alerts a day over the covered days, every type, rule matches and revisions included. */
  private static String distribution(Run run, TreeSet<LocalDate> days) {
    List<Long> counts = days.stream().map(day -> (long) run.alertsPerDay().getOrDefault(day, 0)).sorted().toList();
    if (counts.isEmpty()) {
      return "  alerts a day: no coverage\n";
    }
    long over = counts.stream().filter(count -> count > 40).count();
    return String.format(Locale.ROOT,
        "  alerts a day, all types with revisions: median %d, p75 %d, p90 %d, p99 %d, max %d; days over 40: %d of %d%n",
        percentile(counts, 0.5), percentile(counts, 0.75), percentile(counts, 0.9), percentile(counts, 0.99),
        counts.get(counts.size() - 1), over, counts.size());
  }

  private static String eventLine(RealEvent event, List<Episode> episodes, boolean byDay) {
    Map<AlertType, Episode> first = new LinkedHashMap<>();
    for (AlertType type : DETECTORS) {
      firstFinding(event, episodes.stream().filter(e -> e.first().type() == type).toList(), byDay)
          .ifPresent(e -> first.put(type, e));
    }
    String when = event.date() + (event.until() == null ? "" : ".." + event.until().toString().substring(5));
    if (first.isEmpty()) {
      return String.format(Locale.ROOT, "    MISSED %-17s %s%n", when, event.what());
    }
    StringBuilder found = new StringBuilder();
    first.forEach((type, episode) -> found.append(found.length() == 0 ? "" : ", ").append(type).append(' ')
        .append(hours(Duration.between(event.begins(), episode.raised()).toMinutes())));
    return String.format(Locale.ROOT, "    found  %-17s %s: %s%n", when, event.what(), found);
  }

  static Optional<Episode> firstFinding(RealEvent event, List<Episode> episodes, boolean byDay) {
    return episodes.stream().filter(e -> event.covers(e.raised(), byDay)).min(Comparator.comparing(Episode::raised));
  }

  static List<Episode> unexplained(List<Episode> episodes, List<RealEvent> events, boolean byDay) {
    return episodes.stream().filter(e -> events.stream().noneMatch(event -> event.covers(e.raised(), byDay)))
        .sorted(Comparator.comparing(Episode::raised)).toList();
  }

  /** When the desk got the alert: its {@code created}, else (a rule match replayed from an archive) its {@code at}. */
  static Instant raisedAt(Alert alert) {
    return alert.created() != null ? alert.created() : alert.at();
  }

  private static String leadTitle(Alert alert) {
    if (alert.evidence() != null && !alert.evidence().stories().isEmpty() && alert.evidence().stories().get(0) != null) {
      return alert.evidence().stories().get(0).title();
    }
    return alert.articles().isEmpty() ? "" : alert.articles().get(0).title();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  /** The nearest-rank percentile of sorted values. */
  private static long percentile(List<Long> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** "+9h30m", "-2h", "+1d03h". */
  static String hours(long minutes) {
    String sign = minutes < 0 ? "-" : "+";
    long m = Math.abs(minutes);
    if (m >= 24 * 60) {
      return String.format(Locale.ROOT, "%s%dd%02dh", sign, m / (24 * 60), m / 60 % 24);
    }
    return m % 60 == 0 ? sign + m / 60 + "h" : String.format(Locale.ROOT, "%s%dh%02dm", sign, m / 60, m % 60);
  }
}
