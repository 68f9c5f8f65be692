package io.eurus.processor.detect;

/**
 * An exponentially weighted baseline of a noisy level — a window's mean tone, or the gap between two sides —
 * that keeps apart the two reasons a window differs from it: sampling noise, known for each window from how many
 * stories it holds, and the level's own movement from window to window. The variance of a new window is then
 * {@code between + samplingVariance}: a busy hour is measured against a tighter band than a quiet one (a
 * random-effects model, estimated by moments as in DerSimonian &amp; Laird).
 *
 * <p>Weights: {@code max(alpha, 1 / windows)}, so the first windows make a plain running mean and variance and
 * later ones an EWMA whose span is the configured baseline length. Constant size, whatever the history.
 *
 * @param windows windows seen
 * @param mean    the EWMA of the level
 * @param spread  EWMA of the squared distance of each window from the baseline before it
 * @param noise   EWMA of each window's own sampling variance
 */
public record LevelBaseline(int windows, double mean, double spread, double noise) {

  public static final LevelBaseline EMPTY = new LevelBaseline(0, 0, 0, 0);

  public LevelBaseline update(double value, double samplingVariance, double alpha) {
    if (windows == 0) {
      return new LevelBaseline(1, value, 0, samplingVariance);
    }
    double a = Math.max(alpha, 1.0 / (windows + 1));
    double distance = value - mean;
    return new LevelBaseline(windows + 1, mean + a * distance, (1 - a) * spread + a * distance * distance,
        (1 - a) * noise + a * samplingVariance);
  }

  /** The weight of a run of {@code windows} windows when one weighs {@code alpha}: {@code 1 - (1 - alpha)^windows}. */
  public static double overWindows(double alpha, int windows) {
    return windows <= 1 ? alpha : 1 - Math.pow(1 - alpha, windows);
  }

  /** Variance of the level itself between windows, beyond sampling noise. */
  public double betweenVariance() {
    return Math.max(0, spread - noise);
  }

  /** Standard deviation of a new window around the baseline, never below {@code floor}. */
  public double stdDev(double samplingVariance, double floor) {
    return Math.max(floor, Math.sqrt(betweenVariance() + samplingVariance));
  }

  /** The same baseline moved to {@code level}: a lasting shift has become the normal. */
  public LevelBaseline recentred(double level) {
    return new LevelBaseline(windows, level, spread, noise);
  }
}
