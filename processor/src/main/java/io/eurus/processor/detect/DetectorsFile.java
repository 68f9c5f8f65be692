package io.eurus.processor.detect;

import io.eurus.platform.config.ConfigFile;
import io.eurus.platform.config.Problems;
import io.eurus.platform.config.Validated;
import io.eurus.processor.coverage.SeriesLevel;
import io.eurus.processor.coverage.Sides;
import io.eurus.processor.detect.DetectorConfig.Divergence;
import io.eurus.processor.detect.DetectorConfig.Episodes;
import io.eurus.processor.detect.DetectorConfig.Stories;
import io.eurus.processor.detect.DetectorConfig.ToneShift;
import io.eurus.processor.detect.DetectorConfig.VolumeSpike;
import io.eurus.processor.detect.DetectorConfig.Windows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The detectors file as an operator writes it ({@code eurus/detectors-eu-russia.yaml}): every key optional (null
 * here), each range checked with its path, and the defaults applied once, in {@link #config()}. The runtime
 * {@link DetectorConfig} keeps the detectors' own shape; this record keeps the file's.
 */
record DetectorsFile(String profile, WindowKeys windows, StoryKeys stories, List<String> alertLevels,
    LinkedHashMap<String, List<String>> sides, ToneShiftKeys toneShift, VolumeSpikeKeys volumeSpike,
    DivergenceKeys divergence) implements Validated {

  static final ConfigFile<DetectorsFile> FILE = ConfigFile.of("detectors file", DetectorsFile.class);

  private static final long DAY_MS = Duration.ofDays(1).toMillis();
  private static final Sides DEFAULT_SIDES = new Sides("eu", List.of("eu-institutions", "eu-media"), "russia",
      List.of("russia-state"));

  DetectorsFile {
    windows = windows == null ? new WindowKeys(null, null, null) : windows;
    stories = stories == null ? new StoryKeys(null, null, null) : stories;
    toneShift = toneShift == null ? new ToneShiftKeys(null, null, null, null, null, null, null, null, null) : toneShift;
    volumeSpike = volumeSpike == null ? new VolumeSpikeKeys(null, null, null, null, null, null, null, null, null, null)
        : volumeSpike;
    divergence = divergence == null ? new DivergenceKeys(null, null, null, null, null, null, null, null, null) : divergence;
  }

  record WindowKeys(Duration size, Duration grace, Duration baseline) {
  }

  record StoryKeys(Double similarity, Duration horizon, BreakingKeys breaking) {
  }

  record BreakingKeys(Integer sources, Duration within) {
  }

  record CusumKeys(Double k, Double h, Double clip) {
  }

  record EndKeys(Double within, Integer windows) {
  }

  record SeverityKeys(Double high, Double critical) {
  }

  record ToneShiftKeys(Integer minStories, Integer learningWindows, CusumKeys cusum, Double minStdDev, EndKeys end,
      SeverityKeys severity, Duration cooldown, Duration maxDuration, Double updateStep) {
  }

  record VolumeSpikeKeys(Integer minStories, Double deviations, Double ratio, Integer learningDays, List<Duration> spans,
      EndKeys end, SeverityKeys severity, Duration cooldown, Duration maxDuration, Double updateStep) {
  }

  record DivergenceKeys(Integer minStories, Integer learningWindows, Double deviations, Double minWidening, EndKeys end,
      SeverityKeys severity, Duration cooldown, Duration maxDuration, Double updateStep) {
  }

  @Override
  public void validate(Problems at) {
    if (profile == null || profile.isBlank()) {
      at.add("profile", "is missing (the id of the watch profile, e.g. eu-russia)");
    } else if (!profile.strip().matches("[a-z0-9][a-z0-9-]*")) {
      at.add("profile", "must be a slug such as eu-russia (was " + profile + ")");
    }
    validateWindows(at.at("windows"));
    at.at("stories").range("similarity", stories.similarity(), 0.05, 1.0);
    within(at.at("stories"), "horizon", stories.horizon(), Duration.ofMinutes(10), Duration.ofDays(30));
    if (stories.breaking() != null) {
      at.at("stories").at("breaking").range("sources", stories.breaking().sources(), 2, 1000);
      within(at.at("stories").at("breaking"), "within", stories.breaking().within(), Duration.ofMinutes(1),
          Duration.ofDays(2));
    }
    if (alertLevels != null) {
      alertLevels.stream().filter(level -> !SeriesLevel.alertableLabels().contains(level)).forEach(level ->
          at.add("alertLevels", "'" + level + "' is not one of " + String.join(", ", SeriesLevel.alertableLabels())));
    }
    validateSides(at);
    Problems tone = at.at("toneShift");
    tone.range("minStories", toneShift.minStories(), 1, 10_000);
    tone.range("learningWindows", toneShift.learningWindows(), 2, 100_000);
    if (toneShift.cusum() != null) {
      tone.at("cusum").range("k", toneShift.cusum().k(), 0, 10);
      tone.at("cusum").range("h", toneShift.cusum().h(), 0.5, 100);
      tone.at("cusum").range("clip", toneShift.cusum().clip(), 0.5, 100);
    }
    tone.range("minStdDev", toneShift.minStdDev(), 0.0001, 1);
    validateEpisodes(tone, toneShift.end(), toneShift.severity(), toneShift.cooldown(), toneShift.maxDuration(),
        toneShift.updateStep(), TONE_EPISODES);
    Problems volume = at.at("volumeSpike");
    volume.range("minStories", volumeSpike.minStories(), 1, 1_000_000);
    volume.range("deviations", volumeSpike.deviations(), 0.5, 100);
    volume.range("ratio", volumeSpike.ratio(), 1, 1000);
    volume.range("learningDays", volumeSpike.learningDays(), 1, 365);
    validateSpans(volume, or(windows.size(), Duration.ofHours(1)));
    validateEpisodes(volume, volumeSpike.end(), volumeSpike.severity(), volumeSpike.cooldown(), volumeSpike.maxDuration(),
        volumeSpike.updateStep(), VOLUME_EPISODES);
    Problems gap = at.at("divergence");
    gap.range("minStories", divergence.minStories(), 1, 10_000);
    gap.range("learningWindows", divergence.learningWindows(), 2, 100_000);
    gap.range("deviations", divergence.deviations(), 0.5, 100);
    gap.range("minWidening", divergence.minWidening(), 0, 2);
    validateEpisodes(gap, divergence.end(), divergence.severity(), divergence.cooldown(), divergence.maxDuration(),
        divergence.updateStep(), DIVERGENCE_EPISODES);
  }

  /** The settings the detectors run with: what the file says, the defaults for what it leaves out. */
  DetectorConfig config() {
    Duration size = or(windows.size(), Duration.ofHours(1));
    Windows cut = new Windows(size, or(windows.grace(), Duration.ofMinutes(30)), or(windows.baseline(), Duration.ofDays(14)));
    Set<SeriesLevel> levels = EnumSet.noneOf(SeriesLevel.class);
    or(alertLevels, List.of("bloc", "all")).forEach(label -> levels.add(SeriesLevel.ofLabel(label)));
    CusumKeys cusum = or(toneShift.cusum(), new CusumKeys(null, null, null));
    return new DetectorConfig(profile.strip(), cut,
        new Stories(or(stories.similarity(), 0.4), or(stories.horizon(), Duration.ofDays(2)), breaking()),
        Set.copyOf(levels), chosenSides(),
        new ToneShift(or(toneShift.minStories(), 2), or(toneShift.learningWindows(), 24), or(cusum.k(), 0.75),
            or(cusum.h(), 6.0), or(cusum.clip(), 4.0), or(toneShift.minStdDev(), 0.02),
            episodes(toneShift.end(), toneShift.severity(), toneShift.cooldown(), toneShift.maxDuration(),
                toneShift.updateStep(), TONE_EPISODES)),
        new VolumeSpike(or(volumeSpike.minStories(), 5), or(volumeSpike.deviations(), 3.5), or(volumeSpike.ratio(), 2.0),
            or(volumeSpike.learningDays(), 3), spans(size),
            episodes(volumeSpike.end(), volumeSpike.severity(), volumeSpike.cooldown(), volumeSpike.maxDuration(),
                volumeSpike.updateStep(), VOLUME_EPISODES)),
        new Divergence(or(divergence.minStories(), 3), or(divergence.learningWindows(), 24),
            or(divergence.deviations(), 3.0), or(divergence.minWidening(), 0.2),
            episodes(divergence.end(), divergence.severity(), divergence.cooldown(), divergence.maxDuration(),
                divergence.updateStep(), DIVERGENCE_EPISODES)));
  }

  private static final Episodes TONE_EPISODES = new Episodes(1.0, 3, Duration.ofHours(6), Duration.ofDays(2), 1.0, 3.0, 5.0);
  private static final Episodes VOLUME_EPISODES = new Episodes(1.0, 2, Duration.ofHours(3), Duration.ofDays(1), 2.0, 6.0, 10.0);
  private static final Episodes DIVERGENCE_EPISODES = new Episodes(1.0, 3, Duration.ofHours(6), Duration.ofDays(2), 1.0, 4.0, 6.0);

  private void validateWindows(Problems at) {
    Duration size = windows.size();
    if (within(at, "size", size, Duration.ofMinutes(1), Duration.ofDays(1)) && size != null && DAY_MS % size.toMillis() != 0) {
      at.add("size", "must divide a day evenly, such as 15m, 1h or 6h (was " + size + ")");
    }
    within(at, "grace", windows.grace(), Duration.ZERO, Duration.ofDays(1));
    within(at, "baseline", windows.baseline(), Duration.ofHours(2), Duration.ofDays(365));
    Duration cut = or(size, Duration.ofHours(1));
    if (or(windows.baseline(), Duration.ofDays(14)).compareTo(cut.multipliedBy(2)) < 0) {
      at.add("baseline", "must span at least two windows (" + cut.multipliedBy(2) + ")");
    }
  }

  private DetectorConfig.Breaking breaking() {
    BreakingKeys keys = or(stories.breaking(), new BreakingKeys(null, null));
    return new DetectorConfig.Breaking(or(keys.sources(), 3), or(keys.within(), Duration.ofHours(2)));
  }

  /** Spans of the volume spike beyond one window: 6 hours and a day unless the file says otherwise. */
  private static final List<Duration> DEFAULT_SPANS = List.of(Duration.ofHours(6), Duration.ofDays(1));
  private static final Duration LONGEST_SPAN = Duration.ofDays(7);

  private void validateSpans(Problems at, Duration size) {
    if (volumeSpike.spans() == null) {
      return;
    }
    for (Duration span : volumeSpike.spans()) {
      if (span == null || span.compareTo(size) <= 0 || span.compareTo(LONGEST_SPAN) > 0
          || span.toMillis() % size.toMillis() != 0) {
        at.add("spans", "each must be a whole number of windows (" + show(size) + "), longer than one and at most "
            + show(LONGEST_SPAN) + " (was " + (span == null ? "empty" : show(span)) + ")");
      }
    }
  }

  /** The spans in force: those of the file, else the defaults that are whole numbers of windows longer than one. */
  private List<Duration> spans(Duration size) {
    List<Duration> chosen = volumeSpike.spans() != null ? volumeSpike.spans() : DEFAULT_SPANS.stream()
        .filter(span -> span.compareTo(size) > 0 && span.toMillis() % size.toMillis() == 0).toList();
    return chosen.stream().distinct().sorted().toList();
  }

  private void validateSides(Problems at) {
    if (sides == null) {
      return;
    }
    if (sides.size() != 2) {
      at.add("sides", "needs exactly two sides, each a list of source blocs (has " + sides.size() + ")");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, List<String>> side : sides.entrySet()) {
      List<String> blocs = side.getValue() == null ? List.of() : side.getValue();
      if (blocs.isEmpty()) {
        at.add("sides", "side " + side.getKey() + " lists no source bloc");
      }
      blocs.stream().filter(bloc -> !seen.add(bloc)).forEach(bloc -> at.add("sides", "bloc " + bloc + " is on both sides"));
    }
  }

  private Sides chosenSides() {
    if (sides == null) {
      return DEFAULT_SIDES;
    }
    List<String> names = new ArrayList<>(sides.keySet());
    return new Sides(names.get(0), List.copyOf(sides.get(names.get(0))), names.get(1), List.copyOf(sides.get(names.get(1))));
  }

  private static void validateEpisodes(Problems at, EndKeys end, SeverityKeys severity, Duration cooldown,
      Duration maxDuration, Double updateStep, Episodes defaults) {
    if (end != null) {
      at.at("end").range("within", end.within(), 0, 100);
      at.at("end").range("windows", end.windows(), 1, 10_000);
    }
    within(at, "cooldown", cooldown, Duration.ZERO, Duration.ofDays(365));
    within(at, "maxDuration", maxDuration, Duration.ofMinutes(1), Duration.ofDays(365));
    at.range("updateStep", updateStep, 0.1, 100);
    if (severity != null) {
      at.at("severity").range("high", severity.high(), 0, 1000);
      at.at("severity").range("critical", severity.critical(), 0, 1000);
      double high = or(severity.high(), defaults.high());
      if (or(severity.critical(), defaults.critical()) < high) {
        at.at("severity").add("critical", "must not be below high (" + high + ")");
      }
    }
  }

  private static Episodes episodes(EndKeys end, SeverityKeys severity, Duration cooldown, Duration maxDuration,
      Double updateStep, Episodes defaults) {
    EndKeys ending = or(end, new EndKeys(null, null));
    SeverityKeys levels = or(severity, new SeverityKeys(null, null));
    return new Episodes(or(ending.within(), defaults.endWithin()), or(ending.windows(), defaults.endWindows()),
        or(cooldown, defaults.cooldown()), or(maxDuration, defaults.maxDuration()), or(updateStep, defaults.updateStep()),
        or(levels.high(), defaults.high()), or(levels.critical(), defaults.critical()));
  }

  /** Whether {@code value} (when set) lies from {@code min} to {@code max}; a problem when it does not. */
  private static boolean within(Problems at, String key, Duration value, Duration min, Duration max) {
    if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
      at.add(key, "must be from " + show(min) + " to " + show(max) + " (was " + show(value) + ")");
      return false;
    }
    return true;
  }

  private static String show(Duration duration) {
    return io.eurus.platform.config.Durations.format(duration);
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
