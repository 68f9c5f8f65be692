package io.eurus.tools.bench;

import io.eurus.events.ToneWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * One series of a real replay as a regression fixture for the detector tests: its closed hourly windows from one day
 * to another, one line a day, each window written {@code stories:meanTone:toneVariance} ({@code 0} when empty, the
 * variance left out under two stories). Counts and tone only: no text of the archive is in it. Annotate the lines by
 * hand with {@code # [mark] what happened} (see {@code AnnotatedSeries}).
 *
 * <p>Usage: {@code SeriesFixture WINDOWS.jsonl SERIES FROM TO} (dates, UTC, both included), to stdout.
 */
public final class SeriesFixture {

  private SeriesFixture() {
  }

  public static void main(String[] args) throws IOException {
    List<ToneWindow> windows = SeriesReplay.read(Path.of(args[0])).get(args[1]);
    if (windows == null) {
      throw new IllegalArgumentException("no series " + args[1] + " in " + args[0]);
    }
    Instant from = LocalDate.parse(args[2]).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = LocalDate.parse(args[3]).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    StringBuilder out = new StringBuilder("# ").append(args[1]).append(": hourly windows ").append(args[2]).append(" to ")
        .append(args[3]).append(", stories:meanTone:toneVariance\n");
    String day = null;
    for (ToneWindow window : windows) {
      if (window.windowStart().isBefore(from) || !window.windowStart().isBefore(to)) {
        continue;
      }
      String date = window.windowStart().toString().substring(0, 10);
      if (!date.equals(day)) {
        out.append(day == null ? "" : "\n").append(date);
        day = date;
      }
      out.append(' ').append(token(window));
    }
    System.out.println(out);
  }

  static String token(ToneWindow window) {
    if (window.stories() == 0 || window.meanTone() == null) {
      return window.stories() == 0 ? "0" : window.stories() + ":";
    }
    return window.stories() + String.format(Locale.ROOT, ":%.3f", window.meanTone())
        + (window.toneVariance() == null ? "" : String.format(Locale.ROOT, ":%.3f", window.toneVariance()));
  }
}
