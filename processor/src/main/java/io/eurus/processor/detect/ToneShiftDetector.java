package io.eurus.processor.detect;

import io.eurus.events.AlertType;
import io.eurus.events.Direction;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.WindowStats;
import io.eurus.processor.detect.DetectorConfig.ToneShift;
import java.util.Locale;

/**
 * TONE_SHIFT: the mean tone of a series' windows moved away from its baseline and stays there.
 *
 * <p>Each qualifying window (at least {@code minStories} stories) is standardised against the {@link ToneBaseline}
 * — {@code z = (mean - baseline) / sqrt(between + storyVariance / stories)} — and fed to a two-sided, clipped
 * {@link Cusum}. When a side passes {@code h} the shift is confirmed; it began where that side last stood at zero.
 * While it lasts the baseline is frozen (a shift must not teach the baseline that it is normal), the alert is
 * re-sent when it deepens, and it ends after {@code end.windows} windows back within {@code end.within} standard
 * deviations — or, past {@code maxDuration}, the baseline moves to the new level. With the defaults (k = 0.75,
 * h = 6, clip = 4) a step of 4 sd is confirmed in its second window, of 3 sd in its third, of 2 sd in its fifth,
 * and a slow drift once its accumulated excess passes h, before any single window stands out; a stationary series
 * raises a false alarm about once in 40,000 windows per direction (Siegmund's approximation of the in-control
 * average run length); and no single window can fire alone, since clip - k &lt; h.
 */
public final class ToneShiftDetector {

  /**
   * @param shift   the windows of the open shift, from where it began; null when none is open
   * @param pending windows since the last step with too few stories to judge on their own, merged; null when none
   */
  public record State(ToneBaseline baseline, Cusum cusum, Episode episode, WindowStats shift, WindowStats pending) {
    public static final State INITIAL = new State(ToneBaseline.EMPTY, Cusum.ZERO, null, null, null);

    State(ToneBaseline baseline, Cusum cusum, Episode episode, WindowStats shift) {
      this(baseline, cusum, episode, shift, null);
    }
  }

  /** @param finding what to tell the desk, null for nothing */
  public record Outcome(State state, Finding finding) {
  }

  private final ToneShift config;
  private final double alpha;

  public ToneShiftDetector(ToneShift config, double alpha) {
    this.config = config;
    this.alpha = alpha;
  }

  /**
   * One more window. A window with fewer than {@code minStories} stories is carried over and judged with the next
   * ones, as one span, once they hold enough: in a sparse series (a few stories a day) skipping thin windows would
   * throw every story away; carried, they weigh as what they are, a mean of few stories over a longer time.
   */
  public Outcome step(State state, Series series, WindowStats window) {
    WindowStats merged = state.pending() == null ? window : state.pending().merge(window);
    if (merged.toned() < config.minStories()) {
      WindowStats carried = merged.toned() == 0 ? null : merged;
      return new Outcome(new State(state.baseline(), state.cusum(), state.episode(), state.shift(), carried), null);
    }
    return judge(new State(state.baseline(), state.cusum(), state.episode(), state.shift(), null), series, merged);
  }

  private Outcome judge(State state, Series series, WindowStats window) {
    ToneBaseline baseline = state.baseline();
    if (state.episode() != null && state.episode().open()) {
      return whileOpen(state, series, window);
    }
    if (!baseline.ready(config.learningWindows())) {
      return new Outcome(new State(baseline.update(window, alpha), state.cusum(), state.episode(), null), null);
    }
    double z = baseline.deviation(window, config.minStdDev());
    Cusum cusum = state.cusum().step(z, window, config.k(), config.clip());
    Direction direction = cusum.signal(config.h());
    if (direction == null) {
      return new Outcome(new State(baseline.update(window, alpha), cusum, state.episode(), null), null);
    }
    WindowStats shift = cusum.since(direction);
    double deviation = spanDeviation(baseline, shift);
    Episode.Step step = Episode.fire(state.episode(), AlertWriter.key(AlertType.TONE_SHIFT, series.name(), direction,
        shift.start()), direction, shift.start(), window.end(), deviation, config.episodes());
    State next = new State(baseline, Cusum.ZERO, step.episode(), shift);
    return new Outcome(next, finding(series, next, step.change(), deviation));
  }

  private Outcome whileOpen(State state, Series series, WindowStats window) {
    Episode episode = state.episode();
    ToneBaseline baseline = state.baseline();
    double sign = episode.direction() == Direction.NEGATIVE ? -1 : 1;
    boolean calm = sign * baseline.deviation(window, config.minStdDev()) < config.episodes().endWithin();
    WindowStats shift = state.shift().merge(window);
    double deviation = spanDeviation(baseline, shift);
    Episode.Step step = episode.observe(window.end(), calm, deviation, config.episodes());
    if (step.change() == Episode.Change.ENDED || step.change() == Episode.Change.ADAPTED) {
      ToneBaseline after = step.change() == Episode.Change.ADAPTED ? baseline.recentred(shift.meanTone()) : baseline;
      State next = new State(after, Cusum.ZERO, step.episode(), null);
      // The last word on the shift is measured against the baseline it departed from.
      return new Outcome(next, finding(series, new State(baseline, Cusum.ZERO, step.episode(), shift), step.change(), deviation));
    }
    State next = new State(baseline, Cusum.ZERO, step.episode(), shift);
    return new Outcome(next, step.change() == null ? null : finding(series, next, step.change(), deviation));
  }

  /** How far the shift's mean tone is from the baseline, against the spread of a window of its typical size. */
  private double spanDeviation(ToneBaseline baseline, WindowStats shift) {
    double storiesPerWindow = shift.toned() / (double) shift.windows();
    return (shift.meanTone() - baseline.mean()) / baseline.stdDev(storiesPerWindow, config.minStdDev());
  }

  private Finding finding(Series series, State state, Episode.Change change, double deviation) {
    WindowStats shift = state.shift();
    Episode episode = state.episode();
    double sign = episode.direction() == Direction.NEGATIVE ? -1 : 1;
    double storiesPerWindow = shift.toned() / (double) shift.windows();
    double stdDev = state.baseline().stdDev(storiesPerWindow, config.minStdDev());
    double baselineMean = state.baseline().mean();
    String facts = String.format(Locale.ROOT,
        "Since %s the tone of %s about the relationship has moved %s: %s against a baseline of %s ± %s (%s sd), "
            + "%d articles in %d stories over %d windows.",
        AlertWriter.time(shift.start()), series.label(), AlertWriter.towards(episode.direction()),
        AlertWriter.signed(shift.meanTone()), AlertWriter.signed(baselineMean), AlertWriter.plain(stdDev),
        AlertWriter.signed(deviation), shift.articles(), shift.stories(), shift.windows());
    return new Finding(AlertType.TONE_SHIFT, episode, change, Episode.severity(deviation, config.episodes()),
        series.name(), series.label(), series.bloc(), shift.start(), shift.end(), baselineMean, stdDev,
        shift.meanTone(), deviation, shift.articles(), shift.stories(), shift.pulling(sign), series, shift, sign, facts);
  }
}
