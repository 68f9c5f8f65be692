package io.eurus.tools.bench;

import io.eurus.events.Alert;
import io.eurus.events.Json;
import io.eurus.events.StoryRef;
import io.eurus.events.TermWeight;
import io.eurus.events.ToneWindow;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.SeriesLevel;
import io.eurus.processor.coverage.WindowStats;
import io.eurus.processor.detect.AlertWriter;
import io.eurus.processor.detect.Citations;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.detect.Finding;
import io.eurus.processor.detect.ToneShiftDetector;
import io.eurus.processor.detect.VolumeSpikeDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TONE_SHIFT and VOLUME_SPIKE detectors over the closed windows a replay wrote ({@code eurus replay --windows}),
 * series by series, without the topology: the same detector classes on the same numbers, in seconds rather than the
 * replay's minutes, to try a detectors file on a year of real coverage. What it cannot give: TONE_DIVERGENCE (the
 * sides' windows are not published), the terms and stories cited (only counts and tone are stored).
 *
 * <p>Usage: {@code SeriesReplay WINDOWS.jsonl [DETECTORS.yaml]}; alerts on stdout, one JSON line each.
 */
public final class SeriesReplay {

  private SeriesReplay() {
  }

  public static void main(String[] args) throws IOException {
    DetectorConfig config = DetectorConfig.from(args.length > 1 ? Path.of(args[1]) : null);
    try (PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8)) {
      for (Alert alert : run(read(Path.of(args[0])), config)) {
        out.println(Json.mapper().writeValueAsString(alert));
      }
    }
  }

  /** The closed windows of each series, in order. */
  static Map<String, List<ToneWindow>> read(Path windows) throws IOException {
    Map<String, List<ToneWindow>> bySeries = new TreeMap<>();
    try (BufferedReader lines = Files.newBufferedReader(windows, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        ToneWindow window = Json.mapper().readValue(line, ToneWindow.class);
        if (window.closed()) {
          bySeries.computeIfAbsent(window.series(), s -> new ArrayList<>()).add(window);
        }
      }
    }
    return bySeries;
  }

  static List<Alert> run(Map<String, List<ToneWindow>> bySeries, DetectorConfig config) {
    ToneShiftDetector toneShift = new ToneShiftDetector(config.toneShift(), config.windows().alpha());
    VolumeSpikeDetector volumeSpike = new VolumeSpikeDetector(config.volumeSpike(), config.windows());
    AlertWriter writer = new AlertWriter(config.windows().graceMs());
    List<Alert> alerts = new ArrayList<>();
    for (List<ToneWindow> windows : bySeries.values()) {
      Series series = seriesOf(windows.get(0));
      if (!config.alertLevels().contains(series.level())) {
        continue;
      }
      ToneShiftDetector.State tone = ToneShiftDetector.State.INITIAL;
      VolumeSpikeDetector.State volume = volumeSpike.initial();
      for (ToneWindow window : windows) {
        WindowStats stats = stats(series, window);
        ToneShiftDetector.Outcome shifted = toneShift.step(tone, series, stats);
        VolumeSpikeDetector.Outcome burst = volumeSpike.step(volume, series, stats);
        tone = shifted.state();
        volume = burst.state();
        for (Finding finding : new Finding[] {shifted.finding(), burst.finding()}) {
          if (finding != null) {
            alerts.add(writer.write(finding, NOTHING_CITED));
          }
        }
      }
    }
    alerts.sort(java.util.Comparator.comparing(Alert::created));
    return alerts;
  }

  /** A window as the detectors see it, from its counts, mean tone and variance (every relevant story has a tone). */
  static WindowStats stats(Series series, ToneWindow window) {
    int toned = window.meanTone() == null ? 0 : window.stories();
    double mean = window.meanTone() == null ? 0 : window.meanTone();
    double variance = window.toneVariance() == null ? 0 : window.toneVariance();
    return new WindowStats(series, window.windowStart().toEpochMilli(), window.windowEnd().toEpochMilli(), 1,
        window.articles(), window.stories(), toned, mean * toned, Math.max(0, toned - 1) * variance + toned * mean * mean,
        List.of(), List.of(), Map.of());
  }

  static Series seriesOf(ToneWindow window) {
    SeriesLevel level = window.language() != null ? SeriesLevel.BLOC_LANGUAGE
        : window.bloc() != null ? SeriesLevel.BLOC : SeriesLevel.ALL;
    return new Series(window.series(), level, window.bloc(), window.language(), null);
  }

  private static final Citations NOTHING_CITED = new Citations() {
    @Override
    public List<TermWeight> movedTerms(Series series, WindowStats stats, double sign) {
      return List.of();
    }

    @Override
    public StoryRef story(String storyId, long around) {
      return null;
    }
  };
}
