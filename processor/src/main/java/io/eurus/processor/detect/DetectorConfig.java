package io.eurus.processor.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.platform.StartupException;
import io.eurus.processor.coverage.SeriesLevel;
import io.eurus.processor.coverage.Sides;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
   */
  public record Stories(double similarity, Duration horizon) {
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
   * VOLUME_SPIKE: relevant stories in a window against the usual for the same hour of the day (weekdays and
   * weekends apart).
   *
   * @param deviations   standard deviations above the usual at which it fires
   * @param ratio        and at least this many times the usual
   * @param learningDays days a given hour must have been seen before it may alert
   */
  public record VolumeSpike(int minStories, double deviations, double ratio, int learningDays, Episodes episodes) {
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

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  /** The detectors file that ships with Eurus, for the EU–Russia profile. */
  public static DetectorConfig bundled() {
    try (InputStream in = DetectorConfig.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled detectors file " + BUNDLED + " is missing from the jar");
      }
      return parse(in.readAllBytes(), "bundled detectors file " + BUNDLED);
    } catch (IOException e) {
      throw new IllegalStateException("bundled detectors file " + BUNDLED + " unreadable", e);
    }
  }

  /**
   * The detectors file {@code file}, or the bundled one when it is null.
   *
   * @throws StartupException naming the file and every problem in it
   */
  public static DetectorConfig from(Path file) {
    return file == null ? bundled() : load(file);
  }

  /** @throws StartupException naming the file and every problem in it */
  public static DetectorConfig load(Path file) {
    try {
      return parse(Files.readAllBytes(file), "detectors file " + file);
    } catch (IOException e) {
      throw new StartupException("detectors file " + file + ": cannot read it (" + e + ")", e);
    }
  }

  /** @throws StartupException naming {@code source} and every problem at once, on one line */
  public static DetectorConfig parse(byte[] yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new StartupException(source + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    List<String> problems = new ArrayList<>();
    YamlFields file = YamlFields.root(root, problems);
    String profile = file.text("profile", null);
    if (profile == null) {
      file.problem("profile", "is missing (the id of the watch profile, e.g. eu-russia)");
    } else if (!profile.matches("[a-z0-9][a-z0-9-]*")) {
      file.problem("profile", "must be a slug such as eu-russia (was " + profile + ")");
    }
    Windows windows = windows(file.section("windows"));
    YamlFields storySection = file.section("stories");
    Stories stories = new Stories(
        storySection.number("similarity", 0.4, 0.05, 1.0),
        storySection.duration("horizon", Duration.ofDays(2), Duration.ofMinutes(10), Duration.ofDays(30)));
    Set<SeriesLevel> levels = EnumSet.noneOf(SeriesLevel.class);
    file.texts("alertLevels", List.of("bloc", "all"), SeriesLevel.alertableLabels())
        .forEach(label -> levels.add(SeriesLevel.ofLabel(label)));
    Sides sides = sides(file);
    YamlFields tone = file.section("toneShift");
    YamlFields cusum = tone.section("cusum");
    ToneShift toneShift = new ToneShift(
        tone.integer("minStories", 2, 1, 10_000),
        tone.integer("learningWindows", 24, 2, 100_000),
        cusum.number("k", 0.75, 0, 10),
        cusum.number("h", 6.0, 0.5, 100),
        cusum.number("clip", 4.0, 0.5, 100),
        tone.number("minStdDev", 0.02, 0.0001, 1),
        episodes(tone, new Episodes(1.0, 3, Duration.ofHours(6), Duration.ofDays(2), 1.0, 3.0, 5.0)));
    YamlFields volume = file.section("volumeSpike");
    VolumeSpike volumeSpike = new VolumeSpike(
        volume.integer("minStories", 5, 1, 1_000_000),
        volume.number("deviations", 4.0, 0.5, 100),
        volume.number("ratio", 2.0, 1.0, 1000),
        volume.integer("learningDays", 3, 1, 365),
        episodes(volume, new Episodes(1.0, 2, Duration.ofHours(3), Duration.ofDays(1), 2.0, 6.0, 10.0)));
    YamlFields gap = file.section("divergence");
    Divergence divergence = new Divergence(
        gap.integer("minStories", 3, 1, 10_000),
        gap.integer("learningWindows", 24, 2, 100_000),
        gap.number("deviations", 3.0, 0.5, 100),
        gap.number("minWidening", 0.2, 0, 2),
        episodes(gap, new Episodes(1.0, 3, Duration.ofHours(6), Duration.ofDays(2), 1.0, 4.0, 6.0)));
    file.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new StartupException(source + ": " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
          + String.join("; ", problems));
    }
    return new DetectorConfig(profile, windows, stories, Set.copyOf(levels), sides, toneShift, volumeSpike, divergence);
  }

  private static Windows windows(YamlFields section) {
    Duration size = section.duration("size", Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(1));
    if (DAY_MS % size.toMillis() != 0) {
      section.problem("size", "must divide a day evenly, such as 15m, 1h or 6h (was " + size + ")");
      size = Duration.ofHours(1);
    }
    Duration grace = section.duration("grace", Duration.ofMinutes(30), Duration.ZERO, Duration.ofDays(1));
    Duration baseline = section.duration("baseline", Duration.ofDays(14), Duration.ofHours(2), Duration.ofDays(365));
    if (baseline.compareTo(size.multipliedBy(2)) < 0) {
      section.problem("baseline", "must span at least two windows (" + size.multipliedBy(2) + ")");
    }
    return new Windows(size, grace, baseline);
  }

  private static Sides sides(YamlFields file) {
    Map<String, List<String>> groups = file.groups("sides");
    if (groups.isEmpty()) {
      return new Sides("eu", List.of("eu-institutions", "eu-media"), "russia", List.of("russia-state"));
    }
    List<String> names = new ArrayList<>(groups.keySet());
    if (names.size() != 2) {
      file.problem("sides", "needs exactly two sides, each a list of source blocs (has " + names.size() + ")");
      return new Sides("eu", List.of(), "russia", List.of());
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (groups.get(name).isEmpty()) {
        file.problem("sides", "side " + name + " lists no source bloc");
      }
      groups.get(name).stream().filter(bloc -> !seen.add(bloc))
          .forEach(bloc -> file.problem("sides", "bloc " + bloc + " is on both sides"));
    }
    return new Sides(names.get(0), groups.get(names.get(0)), names.get(1), groups.get(names.get(1)));
  }

  private static Episodes episodes(YamlFields detector, Episodes defaults) {
    YamlFields end = detector.section("end");
    YamlFields severity = detector.section("severity");
    Episodes episodes = new Episodes(
        end.number("within", defaults.endWithin(), 0, 100),
        end.integer("windows", defaults.endWindows(), 1, 10_000),
        detector.duration("cooldown", defaults.cooldown(), Duration.ZERO, Duration.ofDays(365)),
        detector.duration("maxDuration", defaults.maxDuration(), Duration.ofMinutes(1), Duration.ofDays(365)),
        detector.number("updateStep", defaults.updateStep(), 0.1, 100),
        severity.number("high", defaults.high(), 0, 1000),
        severity.number("critical", defaults.critical(), 0, 1000));
    if (episodes.critical() < episodes.high()) {
      severity.problem("critical", "must not be below high (" + episodes.high() + ")");
    }
    return episodes;
  }
}
