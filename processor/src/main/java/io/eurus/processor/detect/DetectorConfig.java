package io.eurus.processor.detect;

import io.eurus.platform.StartupException;
import io.eurus.processor.coverage.SeriesLevel;
import io.eurus.processor.coverage.Sides;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How a watch profile's coverage is cut into series and windows, and how sensitive each detector is: the
 * detectors file ({@code eurus/detectors-eu-russia.yaml} ships; {@code processor.detectors.file} names another).
 * It is a file of its own, beside the watch profile, because the desk tunes it far more often than the actors
 * (and tries each change with {@code eurus replay} first). Every key is optional; every problem in a file is
 * reported at once.
 *
 * @param profile     the id of the watch profile these settings belong to, first part of every series name
 * @param alertLevels which series levels may raise TONE_SHIFT and VOLUME_SPIKE alerts; every published level is charted
 */
public record DetectorConfig(
    String profile,
    Windows windows,
    Stories stories,
    Set<SeriesLevel> alertLevels,
    Sides sides,
    ToneShift toneShift,
    VolumeSpike volumeSpike,
    Divergence divergence) {

  public static final String BUNDLED = "/eurus/detectors-eu-russia.yaml";

  /**
   * @param size     length of one window; divides a day so that windows line up with hours of the day
   * @param grace    how late an article may arrive and still count in its window
   * @param baseline how far back baselines remember: the span of their exponential weighting
   */
  public record Windows(Duration size, Duration grace, Duration baseline) {

    public long sizeMs() {
      return size.toMillis();
    }

    public long graceMs() {
      return grace.toMillis();
    }

    /** The EWMA weight of one window for a baseline that spans {@link #baseline} (span N: alpha = 2 / (N + 1)). */
    public double alpha() {
      return 2.0 / (baseline.toMillis() / (double) size.toMillis() + 1);
    }

    public int windowsPerDay() {
      return (int) (Duration.ofDays(1).toMillis() / size.toMillis());
    }
  }

  /**
   * @param similarity estimated Jaccard similarity of word shingles at or above which an article joins a story
   * @param horizon    how long after its first article a story takes copies
   * @param breaking   when a story counts as breaking news
   */
  public record Stories(double similarity, Duration horizon, Breaking breaking) {
  }

  /**
   * BREAKING_STORY, as the Europe Media Monitor flags breaking news: a story that many sources pick up fast.
   *
   * @param sources this many distinct sources carry it
   * @param within  within this long of the first of them
   */
  public record Breaking(int sources, Duration within) {
  }

  /**
   * How an alert lives once raised, shared by every detector: it is re-sent (next revision) when it deepens by
   * {@code updateStep} standard deviations, ends after {@code endWindows} windows back within {@code endWithin}
   * standard deviations, reopens (same key, next revision) when it fires again the same way within
   * {@code cooldown}, and ends at {@code maxDuration} when the new level has become the normal.
   *
   * @param high     deviations from which the alert is HIGH (below: MEDIUM)
   * @param critical deviations from which it is CRITICAL
   */
  public record Episodes(double endWithin, int endWindows, Duration cooldown, Duration maxDuration, double updateStep,
      double high, double critical) {
  }

  /**
   * TONE_SHIFT: a two-sided CUSUM on the window's mean tone standardised against an EWMA baseline.
   *
   * @param minStories      windows with fewer relevant stories neither move the baseline nor the CUSUM
   * @param learningWindows qualifying windows a series needs before it may alert
   * @param k               CUSUM allowance in standard deviations: about half the smallest shift worth finding
   * @param h               CUSUM decision level in standard deviations
   * @param clip            most one window may add to the CUSUM, so no single window is a shift on its own
   * @param minStdDev       floor under the standard deviation of a window's mean tone, in tone units
   */
  public record ToneShift(int minStories, int learningWindows, double k, double h, double clip, double minStdDev,
      Episodes episodes) {
  }

  /**
   * VOLUME_SPIKE: relevant stories in a window, and in each longer span, against the usual for the same hours of the
   * day (weekdays and weekends apart).
   *
   * @param deviations   standard deviations above the usual at which it fires
   * @param ratio        and at least this many times the usual
   * @param learningDays days a given hour must have been seen before it may alert
   * @param spans        longer spans judged besides one window, each a multiple of the window size: where a series is
   *                     sparse, a surge shows in a day's count long before in any hour's
   */
  public record VolumeSpike(int minStories, double deviations, double ratio, int learningDays, List<Duration> spans,
      Episodes episodes) {

    public VolumeSpike {
      spans = List.copyOf(spans);
    }
  }

  /**
   * TONE_DIVERGENCE: the gap between the two sides' mean tone widens against its own baseline.
   *
   * @param minStories  per side per window
   * @param deviations  standard deviations of the gap's change at which it fires
   * @param minWidening and the gap must be at least this much wider than usual, in tone units
   */
  public record Divergence(int minStories, int learningWindows, double deviations, double minWidening,
      Episodes episodes) {
  }

  /**
   * Checks that these settings belong to the watch profile in use: series are named after the profile, so a file
   * meant for another relationship would silently mislabel every window and alert.
   *
   * @throws StartupException naming both profiles and the setting to fix
   */
  public DetectorConfig requireProfile(String watchProfileId) {
    if (!profile.equals(watchProfileId)) {
      throw new StartupException("the detectors file is for profile " + profile + ", but the watch profile is "
          + watchProfileId + ": set processor.detectors.file to the detectors file of " + watchProfileId);
    }
    return this;
  }

  /** The detectors file that ships with Eurus, for the EU–Russia profile. */
  public static DetectorConfig bundled() {
    return DetectorsFile.FILE.readBundled(BUNDLED).config();
  }

  /**
   * The detectors file {@code file}, or the bundled one when it is null.
   *
   * @throws StartupException naming the file and every problem in it
   */
  public static DetectorConfig from(Path file) {
    return file == null ? bundled() : load(file);
  }

  /** @throws StartupException naming the file and every problem in it, one line each */
  public static DetectorConfig load(Path file) {
    return DetectorsFile.FILE.read(file).config();
  }

  /** @throws StartupException naming {@code source} and every problem in it, one line each */
  public static DetectorConfig parse(String yaml, String source) {
    return DetectorsFile.FILE.parse(yaml, source).config();
  }
}
