package io.eurus.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Direction;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.detect.Episode.Change;
import io.eurus.processor.testing.AnnotatedSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TONE_SHIFT on annotated series of hourly windows (8 stories each unless written {@code value x stories}),
 * with the bundled sensitivity: 24 learning windows, CUSUM k = 0.75, h = 6, clip 4, end after 3 windows within
 * 1 sd, cool-down 6 h.
 */
class ToneShiftDetectorTest {

  /** Four days around -0.10: each window's mean varies as the mean of 8 stories spread by 0.2 does (0.07). */
  private static final String STATIONARY = """
      -0.12  -0.06  -0.12  -0.12  -0.17  -0.11  -0.02  -0.07  -0.03  -0.08  -0.07  -0.09   # day 1 learns
      -0.22  -0.04  -0.06  -0.07  -0.22  -0.22  -0.16  -0.13  -0.08  -0.10  -0.06  -0.14
      -0.08  -0.07  -0.15  +0.02  -0.06  -0.02  -0.14  -0.15  -0.12  -0.11  -0.06  -0.08   # day 2 watches
      -0.13  -0.17  -0.14  -0.01  -0.16  -0.08  -0.07  -0.20  -0.10  -0.01  -0.24  -0.12
      -0.11  -0.16  -0.07  -0.10  -0.20  -0.04  -0.05  -0.03  +0.00  -0.07  -0.09  -0.19
      -0.06  -0.14  -0.13  -0.19  -0.17  -0.14  -0.01  -0.24  -0.20  -0.08  +0.00  -0.06
      -0.23  -0.28  -0.07  -0.15  -0.18  -0.03  -0.02  -0.09  -0.08  -0.07  +0.01  -0.06   # two low windows, then back
      -0.06  -0.06  -0.21  -0.01  -0.03  -0.06  -0.24  -0.14  -0.04  -0.23  -0.11  -0.03
      """;

  /** Two days of the stationary series, for learning before something happens. */
  private static final String LEARNT = """
      -0.12  -0.06  -0.12  -0.12  -0.17  -0.11  -0.02  -0.07  -0.03  -0.08  -0.07  -0.09
      -0.22  -0.04  -0.06  -0.07  -0.22  -0.22  -0.16  -0.13  -0.08  -0.10  -0.06  -0.14
      -0.08  -0.07  -0.15  +0.02  -0.06  -0.02  -0.14  -0.15  -0.12  -0.11  -0.06  -0.08
      -0.13  -0.17  -0.14  -0.01  -0.16  -0.08  -0.07  -0.20  -0.10  -0.01  -0.24  -0.12
      """;

  private final DetectorConfig bundled = DetectorConfig.bundled();
  private final Series series = Series.all("eu-russia");

  @Test
  void stationaryNoisySeriesRaisesNoAlert() {
    assertThat(run(STATIONARY, bundled.toneShift())).isEmpty();
  }

  @Test
  void stepChangeRaisesExactlyOneAlertWithinAFewWindows() {
    AnnotatedSeries input = AnnotatedSeries.parse(LEARNT + """
        -0.41  -0.37  -0.44  -0.40  -0.38  -0.46  -0.39  -0.42   # [shift] sanctions package: coverage turns hostile
        -0.43  -0.40  -0.36  -0.45  -0.41  -0.39  -0.44  -0.40
        """);

    List<Fired> fired = run(input, bundled.toneShift());

    List<Fired> opened = fired.stream().filter(f -> f.finding().change() == Change.OPENED).toList();
    assertThat(opened).singleElement().satisfies(f -> {
      assertThat(f.window()).isBetween(input.mark("shift"), input.mark("shift") + 2);
      assertThat(f.finding().episode().direction()).isEqualTo(Direction.NEGATIVE);
      assertThat(f.finding().current()).isLessThan(-0.25);
      assertThat(f.finding().deviation()).isLessThan(-2);
      // The CUSUM dates the shift to where it last stood at zero: here two noisy low windows before the step.
      assertThat(f.finding().episode().at()).isBetween(AnnotatedSeries.start(input.mark("shift") - 3),
          AnnotatedSeries.start(input.mark("shift")));
    });
    assertThat(fired).extracting(f -> f.finding().episode().key()).containsOnly(opened.get(0).finding().episode().key());
  }

  @Test
  void slowDriftIsCaughtByCusumBeforeAnyWindowStandsOutOnItsOwn() {
    AnnotatedSeries input = AnnotatedSeries.parse("""
        -0.16  -0.08  -0.05  -0.13  -0.17  -0.10  -0.08  -0.05  -0.16  -0.16  -0.06  -0.08
        -0.02  -0.05  -0.11  -0.11  +0.03  -0.11  -0.14  -0.16  -0.10  -0.09  -0.12  -0.10
        -0.10  -0.09  -0.08  -0.14  -0.25  -0.14  -0.25  -0.20  -0.28  -0.22   # [drift] 0.012 a window towards conflict
        -0.27  -0.23  -0.09  -0.27  -0.24  -0.36  -0.32  -0.28  -0.33  -0.32
        -0.35  -0.41  -0.35  -0.43  -0.31  -0.44  -0.39  -0.44  -0.40  -0.49
        """);

    List<Fired> fired = run(input, bundled.toneShift());

    assertThat(fired).first().satisfies(f -> {
      assertThat(f.finding().change()).isEqualTo(Change.OPENED);
      assertThat(f.finding().episode().direction()).isEqualTo(Direction.NEGATIVE);
      // No window up to here was 3 sd (3 x 0.071) off the baseline of -0.10: no threshold on single windows
      // would have fired, the accumulated excess did.
      for (int i = 0; i <= f.window(); i++) {
        assertThat(Math.abs(input.value(i) + 0.10)).as("window %d", i).isLessThan(3 * 0.0707);
      }
    });
  }

  @Test
  void singleOutlierArticleIsNotAShift() {
    assertThat(run(LEARNT + """
        -0.95x1                                              # one article alone: too few stories to judge
        -0.21                                                # one story at -1.0 among seven at -0.10
        -0.10  -0.12  -0.09  -0.11  -0.10  -0.08  -0.13  -0.10
        """, bundled.toneShift())).isEmpty();
  }

  @Test
  void singleExtremeWindowIsNotAShiftOnItsOwn() {
    assertThat(run(LEARNT + """
        -0.70                                                # one hour of furious coverage (8 sd), then back
        -0.10  -0.12  -0.09  -0.11  -0.10  -0.08  -0.13  -0.10
        """, bundled.toneShift())).isEmpty();
  }

  @Test
  void noAlertWhileTheSeriesIsStillLearning() {
    assertThat(run("""
        -0.10  -0.12  -0.09  -0.11  -0.10  -0.08                # six windows: far from the 24 it needs
        -0.45  -0.50  -0.42  -0.48  -0.46  -0.47                # a step, but nothing to compare with yet
        """, bundled.toneShift())).isEmpty();
  }

  @Test
  void shiftTowardsCooperationIsPositive() {
    List<Fired> fired = run(LEARNT + """
        +0.25  +0.22  +0.28  +0.24  +0.26                       # [shift] talks resume
        """, bundled.toneShift());

    assertThat(fired).first().satisfies(f -> assertThat(f.finding().episode().direction()).isEqualTo(Direction.POSITIVE));
  }

  @Test
  void hysteresisKeepsTheAlertOpenUntilCalmLastsThreeWindows() {
    AnnotatedSeries input = AnnotatedSeries.parse(LEARNT + """
        -0.41  -0.44  -0.40                                     # [shift] opens
        -0.22  -0.23  -0.21  -0.22  -0.24                       # still 1.7 sd off: not calm, stays open
        -0.11  -0.09  -0.30                                     # two calm windows, then not: the count restarts
        -0.10  -0.11                                            # calm, calm
        -0.09                                                   # [end] third calm window in a row: over
        -0.12  -0.08  -0.10
        """);

    List<Fired> fired = run(input, bundled.toneShift());

    assertThat(fired).extracting(f -> f.finding().change()).startsWith(Change.OPENED).endsWith(Change.ENDED)
        .doesNotContain(Change.REOPENED);
    assertThat(fired.get(fired.size() - 1).window()).isEqualTo(input.mark("end"));
    assertThat(fired).extracting(f -> f.finding().episode().key()).containsOnly(fired.get(0).finding().episode().key());
  }

  @Test
  void firingAgainWithinTheCooldownReopensTheSameAlert() {
    AnnotatedSeries input = AnnotatedSeries.parse(LEARNT + """
        -0.41  -0.44  -0.40                                     # opens
        -0.10  -0.11  -0.09                                     # ends
        -0.42  -0.45  -0.43                                     # [again] two hours later: the same shift, back
        """);

    List<Fired> fired = run(input, bundled.toneShift());

    assertThat(fired).extracting(f -> f.finding().change()).containsSubsequence(Change.OPENED, Change.ENDED, Change.REOPENED);
    assertThat(fired).extracting(f -> f.finding().episode().key()).containsOnly(fired.get(0).finding().episode().key());
    assertThat(fired).extracting(f -> f.finding().episode().revision()).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void firingAgainAfterTheCooldownOpensANewAlert() {
    List<Fired> fired = run(LEARNT + """
        -0.41  -0.44  -0.40                                     # opens
        -0.10  -0.11  -0.09                                     # ends
        -0.12  -0.08  -0.10  -0.11  -0.09  -0.10  -0.12  -0.10  # eight quiet hours: the cool-down (6 h) is over
        -0.42  -0.45  -0.43                                     # a new shift
        """, bundled.toneShift());

    assertThat(fired).filteredOn(f -> f.finding().change() == Change.OPENED).hasSize(2)
        .extracting(f -> f.finding().episode().key()).doesNotHaveDuplicates();
  }

  @Test
  void shiftThatLastsBeyondItsMaximumBecomesTheBaseline() {
    DetectorConfig.ToneShift shortLived = withMaxDuration(bundled.toneShift(), Duration.ofHours(6));

    List<Fired> fired = run(LEARNT + """
        -0.41  -0.44  -0.40  -0.42  -0.39  -0.43  -0.41  -0.40  # opens, lasts six hours: the new normal
        -0.42  -0.40  -0.43  -0.41  -0.39  -0.42  -0.44  -0.40  # and no new alert at this level
        -0.41  -0.43  -0.40  -0.42  -0.40  -0.41  -0.42  -0.39
        """, shortLived);

    assertThat(fired).extracting(f -> f.finding().change()).startsWith(Change.OPENED).endsWith(Change.ADAPTED);
  }

  record Fired(int window, Finding finding) {
  }

  private List<Fired> run(String text, DetectorConfig.ToneShift config) {
    return run(AnnotatedSeries.parse(text), config);
  }

  private List<Fired> run(AnnotatedSeries input, DetectorConfig.ToneShift config) {
    ToneShiftDetector detector = new ToneShiftDetector(config, bundled.windows().alpha());
    ToneShiftDetector.State state = ToneShiftDetector.State.INITIAL;
    List<Fired> fired = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      ToneShiftDetector.Outcome outcome = detector.step(state, series, input.toneWindow(series, i));
      state = outcome.state();
      if (outcome.finding() != null) {
        fired.add(new Fired(i, outcome.finding()));
      }
    }
    return fired;
  }

  private static DetectorConfig.ToneShift withMaxDuration(DetectorConfig.ToneShift config, Duration maxDuration) {
    DetectorConfig.Episodes e = config.episodes();
    return new DetectorConfig.ToneShift(config.minStories(), config.learningWindows(), config.k(), config.h(),
        config.clip(), config.minStdDev(), new DetectorConfig.Episodes(e.endWithin(), e.endWindows(), e.cooldown(),
            maxDuration, e.updateStep(), e.high(), e.critical()));
  }
}
