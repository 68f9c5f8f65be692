package io.eurus.processor.detect;

import io.eurus.events.AlertType;
import io.eurus.processor.coverage.Contribution;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.WindowStats;
import io.eurus.processor.detect.DetectorConfig.VolumeSpike;
import io.eurus.processor.detect.DetectorConfig.Windows;
import io.eurus.processor.detect.VolumeBaseline.Expected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * VOLUME_SPIKE: a window holds far more relevant stories than usual for the same hour. It fires when the count is
 * at least {@code minStories}, at least {@code ratio} times the usual, {@code deviations} standard deviations
 * above it ({@link VolumeBaseline}: hour of day, weekdays and weekends apart; at least Poisson spread), and as
 * unlikely under a Poisson count with the usual mean as {@code deviations} standard deviations are under a normal
 * distribution. The last condition is for the small counts of quiet hours and small blocs, where a normal
 * deviation is far too generous: 5 stories where 0.8 are usual are 4.2 sd above, yet a Poisson count that
 * averages 0.8 reaches 5 once in 700 windows — a false alarm every few days across a desk's series, as a replay
 * of a month at a small desk's volume showed. Every window counts, the empty ones too: a quiet hour teaches the
 * baseline as much as a busy one.
 */
public final class VolumeSpikeDetector {

  /** The least usual mean a Poisson count is given: an hour that never had a story still might. */
  private static final double LEAST_MEAN = 0.1;

  public record State(VolumeBaseline baseline, Episode episode) {
  }

  /** @param finding what to tell the desk, null for nothing */
  public record Outcome(State state, Finding finding) {
  }

  private final VolumeSpike config;
  private final Windows windows;
  private final double baselineDays;
  /** How unlikely a count must be: the upper tail of a standard normal distribution at {@code deviations}. */
  private final double tail;

  public VolumeSpikeDetector(VolumeSpike config, Windows windows) {
    this.config = config;
    this.windows = windows;
    this.baselineDays = windows.baseline().toMillis() / (double) Duration.ofDays(1).toMillis();
    this.tail = NormalDistribution.of(0, 1).survivalProbability(config.deviations());
  }

  public State initial() {
    return new State(VolumeBaseline.empty(windows.windowsPerDay()), null);
  }

  public Outcome step(State state, Series series, WindowStats window) {
    int slot = VolumeBaseline.slot(window.start(), windows.sizeMs(), windows.windowsPerDay());
    VolumeBaseline learnt = state.baseline().update(slot, window.stories(), baselineDays, config.learningDays());
    Expected usual = state.baseline().expected(slot, config.learningDays());
    if (usual == null) {
      return new Outcome(new State(learnt, state.episode()), null);
    }
    double z = (window.stories() - usual.mean()) / usual.stdDev();
    Episode episode = state.episode();
    Episode.Step step;
    if (episode != null && episode.open()) {
      step = episode.observe(window.end(), z < config.episodes().endWithin(), z, config.episodes());
    } else if (window.stories() >= config.minStories() && window.stories() >= config.ratio() * usual.mean()
        && z >= config.deviations() && unlikely(window.stories(), usual.mean())) {
      step = Episode.fire(episode, AlertWriter.key(AlertType.VOLUME_SPIKE, series.name(), null, window.start()), null,
          window.start(), window.end(), z, config.episodes());
    } else {
      return new Outcome(new State(learnt, episode), null);
    }
    State next = new State(learnt, step.episode());
    if (step.change() == null) {
      return new Outcome(next, null);
    }
    String facts = String.format(Locale.ROOT,
        "%d stories about the relationship in %s between %s and %s, where %s is usual at this time of day "
            + "(%s sd above; %d articles).",
        window.stories(), series.label(), AlertWriter.time(window.start()), AlertWriter.time(window.end()).substring(11),
        AlertWriter.plain(usual.mean()), AlertWriter.plain(z), window.articles());
    List<Contribution> stories = new ArrayList<>(window.negative());
    stories.addAll(window.positive());
    return new Outcome(next, new Finding(AlertType.VOLUME_SPIKE, step.episode(), step.change(),
        Episode.severity(z, config.episodes()), series.name(), series.label(), series.bloc(), window.start(),
        window.end(), usual.mean(), usual.stdDev(), window.stories(), z, window.articles(), window.stories(), stories,
        series, window, 0, facts));
  }

  /** Whether {@code stories} or more are at most as likely as {@link #tail} for a Poisson count of mean {@code usual}. */
  private boolean unlikely(int stories, double usual) {
    return PoissonDistribution.of(Math.max(LEAST_MEAN, usual)).survivalProbability(stories - 1) <= tail;
  }
}
