package io.eurus.processor.testing;

import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.WindowStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A series of a real replay, as {@code SeriesFixture} (tools) writes it from {@code eurus replay --windows}: one line
 * a day, its date, then each hourly window as {@code stories:meanTone:toneVariance} ({@code 0} when empty), and a
 * comment saying what happened ({@code # [event] …}), in the manner of {@link AnnotatedSeries}. Counts and tone only:
 * the archives' texts never enter the repository.
 */
public final class RealSeries {

  private static final Duration HOUR = Duration.ofHours(1);

  private final List<WindowStats> windows;
  private final Map<String, Instant> marks;

  private RealSeries(List<WindowStats> windows, Map<String, Instant> marks) {
    this.windows = windows;
    this.marks = marks;
  }

  /** The fixture {@code /realnews/NAME.series} as windows of {@code series}. */
  public static RealSeries load(String name, Series series) {
    try (InputStream in = RealSeries.class.getResourceAsStream("/realnews/" + name + ".series")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture /realnews/" + name + ".series");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), series);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RealSeries parse(String text, Series series) {
    List<WindowStats> windows = new ArrayList<>();
    Map<String, Instant> marks = new HashMap<>();
    for (String line : text.split("\n")) {
      int hash = line.indexOf('#');
      String data = (hash < 0 ? line : line.substring(0, hash)).trim();
      if (data.isEmpty()) {
        continue;
      }
      String[] tokens = data.split("\\s+");
      Instant day = LocalDate.parse(tokens[0]).atStartOfDay(ZoneOffset.UTC).toInstant();
      String comment = hash < 0 ? "" : line.substring(hash + 1).trim();
      if (comment.startsWith("[")) {
        marks.put(comment.substring(1, comment.indexOf(']')), day);
      }
      for (int i = 1; i < tokens.length; i++) {
        windows.add(window(series, day.plus(HOUR.multipliedBy(i - 1)), tokens[i]));
      }
    }
    return new RealSeries(windows, marks);
  }

  private static WindowStats window(Series series, Instant start, String token) {
    String[] parts = token.split(":", -1);
    int stories = Integer.parseInt(parts[0]);
    boolean toned = parts.length > 1 && !parts[1].isEmpty();
    double mean = toned ? Double.parseDouble(parts[1]) : 0;
    double variance = parts.length > 2 ? Double.parseDouble(parts[2]) : 0;
    int withTone = toned ? stories : 0;
    return new WindowStats(series, start.toEpochMilli(), start.plus(HOUR).toEpochMilli(), 1, stories, stories, withTone,
        mean * withTone, Math.max(0, withTone - 1) * variance + withTone * mean * mean, List.of(), List.of(), Map.of());
  }

  public List<WindowStats> windows() {
    return windows;
  }

  /** The start of the day of the line marked {@code [name]}. */
  public Instant mark(String name) {
    Instant day = marks.get(name);
    if (day == null) {
      throw new IllegalArgumentException("no line marked [" + name + "]");
    }
    return day;
  }
}
