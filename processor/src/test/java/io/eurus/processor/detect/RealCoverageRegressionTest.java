package io.eurus.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Direction;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.SeriesLevel;
import io.eurus.processor.coverage.WindowStats;
import io.eurus.processor.detect.Episode.Change;
import io.eurus.processor.testing.RealSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Real events the bundled detectors find in real coverage, kept as regression tests: each fixture is one series of a
 * replay of an archive in ../shared/data/realnews (counts and tone per hourly window, see {@code RealSeries}), from
 * weeks before the event, so that a change to the detectors that loses one of them fails here. A detector "finds" the
 * event when it opens an alert from six hours before the event's day to a day after its last day (two for an archive
 * dated by the day), as bench/detector-quality counts it; the other alerts of the span are bounded to what the
 * detectors raise today, so that sensitivity is not bought with false alarms.
 *
 * <p>The fixtures were recorded from replays of the tree with the learned relations tone (issue 11). Under that tone
 * {@code TONE_SHIFT} no longer finds Channel One's 2014 Crimea turn (BENCHMARKS.md, "Detector quality: real events in
 * real coverage"), so no test asserts it: {@code 1tv-2014-russia-state-crimea} stays as the record of what the shipped
 * tone gives there, and no real event found by {@code TONE_SHIFT} is kept. The bursts are judged in the series the
 * replay finds them in.
 */
class RealCoverageRegressionTest {

  private final DetectorConfig bundled = DetectorConfig.bundled();

  @Test
  void accessionTalksDecisionIsABurstOfInternationalCoverage() {
    Series international = bloc("international");
    RealSeries series = RealSeries.load("rss-2023-international-accession-talks", international);

    List<Finding> opened = opened(volume(international, series));

    assertThat(opened).singleElement().satisfies(f -> within(f, series.mark("event"), 1, false));
  }

  @Test
  void kimPutinSummitIsABurstOfInternationalCoverage() {
    Series international = bloc("international");
    RealSeries series = RealSeries.load("rss-2023-international-kim-putin", international);

    List<Finding> opened = opened(volume(international, series));

    assertThat(opened).anySatisfy(f -> within(f, series.mark("event"), 1, false));
    assertThat(opened).as("bursts in the six weeks, the event's and one in the first days included")
        .hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void finlandJoiningNatoIsABurstOfInternationalCoverage() {
    Series international = bloc("international");
    RealSeries series = RealSeries.load("rss-2023-international-finland-nato", international);

    List<Finding> opened = opened(volume(international, series));

    assertThat(opened).singleElement().satisfies(f -> within(f, series.mark("event"), 1, false));
  }

  @Test
  void commissionRecommendationIsABurstOfAllCoverage() {
    Series all = Series.all("eu-russia");
    RealSeries series = RealSeries.load("rss-2023-all-commission-recommendation", all);

    List<Finding> opened = opened(volume(all, series));

    assertThat(opened).singleElement().satisfies(f -> within(f, series.mark("event"), 1, false));
  }

  @Test
  void longRangeStrikesAreABurstOfRussianTelegramCoverage() {
    Series all = Series.all("eu-russia");
    RealSeries series = RealSeries.load("telegram-2024-all-long-range-strikes", all);

    List<Finding> opened = opened(volume(all, series));

    assertThat(opened).anySatisfy(f -> within(f, series.mark("event"), 3, false));
    assertThat(opened).as("bursts in the month, the channels' own ramp-up included").hasSizeLessThanOrEqualTo(4);
  }

  private static Series bloc(String bloc) {
    return new Series("eu-russia/" + bloc, SeriesLevel.BLOC, bloc, null, null);
  }

  /** Raised from six hours before the event's day to a day after its last (two for coverage dated by the day). */
  private static void within(Finding finding, Instant day, int days, boolean byDay) {
    Instant raised = Instant.ofEpochMilli(finding.windowEnd());
    assertThat(raised).isBetween(day.minus(Duration.ofHours(6)), day.plus(Duration.ofDays(days + (byDay ? 2 : 1))));
  }

  private static List<Finding> opened(List<Finding> findings) {
    return findings.stream().filter(f -> f.change() == Change.OPENED).toList();
  }

  private List<Finding> volume(Series series, RealSeries real) {
    VolumeSpikeDetector detector = new VolumeSpikeDetector(bundled.volumeSpike(), bundled.windows());
    return findings(real, detector.initial(), (state, window) -> {
      VolumeSpikeDetector.Outcome outcome = detector.step(state, series, window);
      return new Stepped<>(outcome.state(), outcome.finding());
    });
  }

  private List<Finding> tone(Series series, RealSeries real) {
    ToneShiftDetector detector = new ToneShiftDetector(bundled.toneShift(), bundled.windows().alpha());
    return findings(real, ToneShiftDetector.State.INITIAL, (state, window) -> {
      ToneShiftDetector.Outcome outcome = detector.step(state, series, window);
      return new Stepped<>(outcome.state(), outcome.finding());
    });
  }

  /** One detector's step on one window: its state after, and what it found (null for nothing). */
  private record Stepped<S>(S state, Finding finding) {
  }

  /** Every finding of a detector over the fixture's windows, in order. */
  private static <S> List<Finding> findings(RealSeries real, S initial, BiFunction<S, WindowStats, Stepped<S>> step) {
    S state = initial;
    List<Finding> found = new ArrayList<>();
    for (WindowStats window : real.windows()) {
      Stepped<S> stepped = step.apply(state, window);
      state = stepped.state();
      if (stepped.finding() != null) {
        found.add(stepped.finding());
      }
    }
    return found;
  }
}
