package io.eurus.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Direction;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.WindowStats;
import io.eurus.processor.detect.Episode.Change;
import io.eurus.processor.testing.AnnotatedSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TONE_DIVERGENCE on annotated pairs of hourly windows, {@code eu/russia} mean tone (8 stories a side); bundled
 * sensitivity: 24 learning windows, 3 sd and 0.2 wider than usual, over after 3 calm windows.
 */
class DivergenceDetectorTest {

  /** Thirty-six hours in which the Russia side is usually 0.25 more negative than the EU side. */
  private static final String USUAL_GAP = """
      -0.13/-0.38  -0.00/-0.46  -0.06/-0.46  +0.03/-0.29  +0.04/-0.34  -0.02/-0.32
      -0.10/-0.29  -0.14/-0.32  -0.00/-0.30  -0.08/-0.15  -0.05/-0.34  -0.04/-0.34
      -0.08/-0.32  +0.09/-0.30  -0.04/-0.25  +0.09/-0.32  -0.09/-0.13  -0.15/-0.33
      -0.00/-0.14  -0.12/-0.47  -0.00/-0.34  -0.08/-0.27  -0.03/-0.28  -0.08/-0.21
      +0.06/-0.30  -0.08/-0.25  -0.02/-0.37  -0.08/-0.23  -0.06/-0.32  -0.04/-0.30   # watching from here
      -0.05/-0.44  +0.07/-0.29  -0.11/-0.23  -0.03/-0.30  +0.02/-0.14  -0.01/-0.19   # the gap varies, as it does
      """;

  private final DetectorConfig bundled = DetectorConfig.bundled();
  private final Series eu = Series.side("eu-russia", "eu");
  private final Series russia = Series.side("eu-russia", "russia");

  @Test
  void theUsualGapBetweenTheSidesIsNoDivergence() {
    assertThat(run(USUAL_GAP)).isEmpty();
  }

  @Test
  void sidesMovingApartFireOnceWithTheDirectionOfTheSideThatMoved() {
    AnnotatedSeries input = AnnotatedSeries.parse(USUAL_GAP + """
        -0.04/-0.71  -0.06/-0.68  -0.02/-0.74                   # [apart] Russian state media turn hostile, EU media do not
        -0.05/-0.70  -0.03/-0.72
        """);

    List<Fired> fired = run(input);

    assertThat(fired).filteredOn(f -> f.finding().change() == Change.OPENED).singleElement().satisfies(f -> {
      assertThat(f.window()).isEqualTo(input.mark("apart"));
      assertThat(f.finding().episode().direction()).isEqualTo(Direction.NEGATIVE);
      assertThat(f.finding().current()).as("the gap").isCloseTo(0.67, org.assertj.core.data.Offset.offset(0.001));
      assertThat(f.finding().baseline()).as("the usual gap").isBetween(0.2, 0.3);
      assertThat(f.finding().deviation()).isGreaterThan(3);
      assertThat(f.finding().series()).isEqualTo("eu-russia/side/eu~russia");
    });
  }

  @Test
  void sidesMovingTogetherAreNoDivergence() {
    assertThat(run(USUAL_GAP + """
        -0.40/-0.66  -0.43/-0.70  -0.38/-0.64  -0.41/-0.68      # both turn hostile: a shift, not a divergence
        """)).isEmpty();
  }

  @Test
  void gapClosingIsNoDivergence() {
    assertThat(run(USUAL_GAP + """
        -0.05/-0.04  -0.06/-0.02  -0.03/-0.05                   # the sides agree more than usual: far off, but closer
        """)).isEmpty();
  }

  @Test
  void sideWithTooFewStoriesIsComparedOnceItsWindowsTogetherHoldEnough() {
    AnnotatedSeries alone = AnnotatedSeries.parse(USUAL_GAP + """
        -0.05x2/-0.80                                           # EU side nearly silent: two stories, too few to judge
        """);
    assertThat(run(alone)).isEmpty();

    AnnotatedSeries carried = AnnotatedSeries.parse(USUAL_GAP + """
        -0.05x2/-0.80                                           # [thin] two EU stories: carried over
        -0.04x1/-0.85                                           # one more: the two windows together hold three
        """);
    assertThat(run(carried)).singleElement().satisfies(fired -> {
      assertThat(fired.window()).isEqualTo(carried.mark("thin") + 1);
      assertThat(fired.finding().windowStart()).as("judged over both windows").isEqualTo(AnnotatedSeries.start(carried.mark("thin")));
    });
  }

  @Test
  void divergenceEndsAfterThreeCalmWindows() {
    AnnotatedSeries input = AnnotatedSeries.parse(USUAL_GAP + """
        -0.04/-0.71  -0.06/-0.68                                # apart
        -0.05/-0.31  -0.04/-0.28                                # calm, calm
        -0.05/-0.30                                             # [end] third calm window
        """);

    List<Fired> fired = run(input);

    assertThat(fired).extracting(f -> f.finding().change()).startsWith(Change.OPENED).endsWith(Change.ENDED);
    assertThat(fired.get(fired.size() - 1).window()).isEqualTo(input.mark("end"));
  }

  @Test
  void threeStoriesOfLikeToneOnAQuietNightAreNoDivergence() {
    // After the usual day, one window with three stories a side, each side's stories all but identical in tone:
    // the gap (0.55) is 0.3 wider than usual, and against the window's own near-zero spread it would be many sd
    // off; against the sides' usual spread of a story's tone (0.2) three stories say little.
    AnnotatedSeries usual = AnnotatedSeries.parse(USUAL_GAP);
    int night = usual.size();
    List<Fired> fired = run(usual, threeAlike(eu, night, -0.05), threeAlike(russia, night, -0.60));

    assertThat(fired).isEmpty();
  }

  /** A window of three stories whose tone hardly differs (spread 0.01). */
  private static WindowStats threeAlike(Series series, int index, double mean) {
    return new WindowStats(series, AnnotatedSeries.start(index), AnnotatedSeries.start(index + 1), 1, 3, 3, 3, 3 * mean,
        2 * 0.0001 + 3 * mean * mean, List.of(), List.of(), java.util.Map.of());
  }

  record Fired(int window, Finding finding) {
  }

  private List<Fired> run(String text) {
    return run(AnnotatedSeries.parse(text));
  }

  private List<Fired> run(AnnotatedSeries input) {
    return run(input, null, null);
  }

  /** The annotated windows, then (when given) one more pair made by hand. */
  private List<Fired> run(AnnotatedSeries input, WindowStats euLast, WindowStats russiaLast) {
    double alpha = bundled.windows().alpha();
    double floor = bundled.toneShift().minStdDev();
    DivergenceDetector detector = new DivergenceDetector(bundled.divergence(), alpha, floor);
    DivergenceDetector.State state = DivergenceDetector.State.INITIAL;
    ToneBaseline euBaseline = ToneBaseline.EMPTY;
    ToneBaseline russiaBaseline = ToneBaseline.EMPTY;
    List<Fired> fired = new ArrayList<>();
    int windows = input.size() + (euLast == null ? 0 : 1);
    for (int i = 0; i < windows; i++) {
      WindowStats euWindow = i < input.size() ? input.toneWindow(eu, i) : euLast;
      WindowStats russiaWindow = i < input.size() ? input.secondToneWindow(russia, i) : russiaLast;
      DivergenceDetector.Outcome outcome = detector.step(state, "eu-russia",
          new DivergenceDetector.Side(eu, euWindow, euBaseline), new DivergenceDetector.Side(russia, russiaWindow, russiaBaseline));
      state = outcome.state();
      euBaseline = euBaseline.update(euWindow, alpha);
      russiaBaseline = russiaBaseline.update(russiaWindow, alpha);
      if (outcome.finding() != null) {
        fired.add(new Fired(i, outcome.finding()));
      }
    }
    return fired;
  }
}
