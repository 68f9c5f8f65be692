package io.eurus.processor.detect;

import io.eurus.processor.coverage.WindowStats;

/**
 * The baseline of a series' tone: the {@link LevelBaseline} of its windows' mean tone, and the EWMA of the
 * variance of single stories' tone within a window, from which the sampling variance of a window of n stories
 * follows ({@code storyVariance / n}).
 *
 * @param varianceWindows windows with at least two stories seen (the ones that tell the story variance)
 */
public record ToneBaseline(LevelBaseline level, int varianceWindows, double storyVariance) {

  public static final ToneBaseline EMPTY = new ToneBaseline(LevelBaseline.EMPTY, 0, 0);

  /**
   * With one more window, or a run of windows judged as one: a run of w windows weighs as w windows would, so the
   * baseline remembers over the same time whether the series is dense or sparse.
   *
   * @param alpha the weight of one window
   */
  public ToneBaseline update(WindowStats window, double alpha) {
    Double mean = window.meanTone();
    if (mean == null) {
      return this;
    }
    alpha = LevelBaseline.overWindows(alpha, window.windows());
    Double variance = window.toneVariance();
    int seen = varianceWindows;
    double stories = storyVariance;
    if (variance != null) {
      double a = Math.max(alpha, 1.0 / (varianceWindows + 1));
      stories = varianceWindows == 0 ? variance : (1 - a) * storyVariance + a * variance;
      seen++;
    }
    double sampling = (variance != null ? variance : stories) / window.toned();
    return new ToneBaseline(level.update(mean, sampling, alpha), seen, stories);
  }

  public boolean ready(int learningWindows) {
    return level.windows() >= learningWindows;
  }

  public double mean() {
    return level.mean();
  }

  /** Standard deviation of the mean tone of a window of {@code stories} stories around this baseline. */
  public double stdDev(double stories, double floor) {
    return level.stdDev(storyVariance / Math.max(1, stories), floor);
  }

  /** How far a window's mean tone is from the baseline, in standard deviations; 0 without a tone. */
  public double deviation(WindowStats window, double floor) {
    Double mean = window.meanTone();
    return mean == null ? 0 : (mean - level.mean()) / stdDev(window.toned(), floor);
  }

  public ToneBaseline recentred(double tone) {
    return new ToneBaseline(level.recentred(tone), varianceWindows, storyVariance);
  }
}
