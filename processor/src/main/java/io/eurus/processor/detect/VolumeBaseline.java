package io.eurus.processor.detect;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The usual number of stories per window for each window of the day (UTC), weekdays and weekends apart: news has
 * a daily rhythm and a quieter weekend, and a burst means "more than usual for this hour", not "more than the
 * night before". One exponentially weighted mean and variance per slot (West's incremental form), so the state
 * is {@code 2 x windows per day} numbers whatever the history.
 *
 * @param seen     windows seen per slot
 * @param mean     EWMA of stories per slot
 * @param variance EWMA variance of stories per slot
 */
public record VolumeBaseline(int[] seen, double[] mean, double[] variance) {

  public static VolumeBaseline empty(int windowsPerDay) {
    return new VolumeBaseline(new int[2 * windowsPerDay], new double[2 * windowsPerDay], new double[2 * windowsPerDay]);
  }

  /** What the baseline expects in a slot: a mean and a standard deviation. */
  public record Expected(double mean, double stdDev) {
  }

  /** The slot of a window: its place in the day, in the weekend half when it starts on a Saturday or Sunday. */
  public static int slot(long windowStart, long windowMs, int windowsPerDay) {
    long dayMs = windowMs * windowsPerDay;
    int ofDay = (int) (Math.floorMod(windowStart, dayMs) / windowMs);
    DayOfWeek day = Instant.ofEpochMilli(windowStart).atOffset(ZoneOffset.UTC).getDayOfWeek();
    boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    return weekend ? windowsPerDay + ofDay : ofDay;
  }

  /**
   * The usual for {@code slot}, once it has been seen on {@code learningDays} days; until then the same time of
   * the other kind of day stands in (a new weekend hour borrows the weekday's), else null: nothing is known yet.
   * The standard deviation is at least that of a Poisson count ({@code sqrt(mean)}), and at least one story.
   */
  public Expected expected(int slot, int learningDays) {
    int half = seen.length / 2;
    int other = slot < half ? slot + half : slot - half;
    int use = seen[slot] >= learningDays ? slot : seen[other] >= learningDays ? other : -1;
    if (use < 0) {
      return null;
    }
    return new Expected(mean[use], Math.sqrt(Math.max(1, Math.max(variance[use], mean[use]))));
  }

  /**
   * With one more window of {@code stories} in {@code slot}. Once the slot is learnt, a count is capped at three
   * standard deviations above the usual before it is learnt from, so a burst barely moves the baseline.
   *
   * @param baselineDays how many days the baseline spans; each slot sees 5/7 or 2/7 of them
   */
  public VolumeBaseline update(int slot, int stories, double baselineDays, int learningDays) {
    int[] nextSeen = seen.clone();
    double[] nextMean = mean.clone();
    double[] nextVariance = variance.clone();
    double count = stories;
    if (seen[slot] == 0) {
      nextMean[slot] = count;
      nextVariance[slot] = 0;
    } else {
      if (seen[slot] >= learningDays) {
        Expected usual = expected(slot, learningDays);
        count = Math.min(count, usual.mean() + 3 * usual.stdDev());
      }
      boolean weekend = slot >= seen.length / 2;
      double span = Math.max(2, baselineDays * (weekend ? 2.0 / 7 : 5.0 / 7));
      double a = Math.max(2 / (span + 1), 1.0 / (seen[slot] + 1));
      double distance = count - mean[slot];
      nextMean[slot] = mean[slot] + a * distance;
      nextVariance[slot] = (1 - a) * (variance[slot] + a * distance * distance);
    }
    nextSeen[slot] = seen[slot] + 1;
    return new VolumeBaseline(nextSeen, nextMean, nextVariance);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VolumeBaseline that && Arrays.equals(seen, that.seen) && Arrays.equals(mean, that.mean)
        && Arrays.equals(variance, that.variance);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(seen) * 31 + Arrays.hashCode(mean);
  }

  @Override
  public String toString() {
    return "VolumeBaseline" + Arrays.toString(mean);
  }
}
