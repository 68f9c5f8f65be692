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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * VOLUME_SPIKE: far more relevant stories than usual, in one window or over a longer span. A count fires when it is
 * at least {@code minStories}, at least {@code ratio} times the usual, {@code deviations} standard deviations above
 * it, and as unlikely as {@code deviations} standard deviations of a normal distribution are.
 *
 * <p>In one window the usual is that of the same hour ({@link VolumeBaseline}: hour of day, weekdays and weekends
 * apart; at least Poisson spread), and the count must be as unlikely under a Poisson count of that mean: 5 stories
 * where 0.8 are usual are 4.2 sd above, yet a Poisson count that averages 0.8 reaches 5 once in 700 windows — a
 * false alarm every few days across a desk's series.
 *
 * <p>A sparse series never bursts within an hour: where two or three stories a week are usual, a real surge brings
 * ten a day, spread over the day's hours. So the count of each longer span ({@code spans}, such as 6h and 1d) is
 * judged too, against the sum of its windows' usual counts, with the spread its own counts have shown
 * ({@link RecentCounts}: quasi-Poisson) — news comes in clusters, and a day's count spreads more than 24
 * independent hours would. The span whose count is the least likely fires; the alert lives on that span's count
 * (it ends when that span is back near its usual). Every window counts, the empty ones too: a quiet hour teaches the
 * baseline as much as a busy one.
 */
public final class VolumeSpikeDetector {

  /** The least usual mean a Poisson count is given: an hour that never had a story still might. */
  private static final double LEAST_MEAN = 0.1;
  /** The widest tail any span is allowed, however long: two standard deviations. */
  private static final double MAX_TAIL = 0.0228;

  /**
   * @param recent    the last windows' counts and each span's dispersion
   * @param firedSpan the span (index into the spans, 0 = one window) the open alert fired on
   */
  public record State(VolumeBaseline baseline, Episode episode, RecentCounts recent, int firedSpan) {
  }

  /** @param finding what to tell the desk, null for nothing */
  public record Outcome(State state, Finding finding) {
  }

  /** One span's count against its usual. */
  private record Judged(int span, int windows, int stories, int articles, double usual, double stdDev, double z,
      double likelihood, boolean fires) {
  }

  private final VolumeSpike config;
  private final Windows windows;
  private final double baselineDays;
  /** Windows per span: one window first, then each configured span. */
  private final int[] spanWindows;
  /**
   * How unlikely each span's count must be: for one window the upper tail of a standard normal distribution at
   * {@code deviations}; a span of L windows offers L times fewer independent chances a day to be unusual, so the
   * same false alarms a day allow a tail L times wider (Bonferroni over time).
   */
  private final double[] tail;
  /** The standard deviations each span's count must stand above its usual: the normal quantile of its tail. */
  private final double[] deviations;

  public VolumeSpikeDetector(VolumeSpike config, Windows windows) {
    this.config = config;
    this.windows = windows;
    this.baselineDays = windows.baseline().toMillis() / (double) Duration.ofDays(1).toMillis();
    this.spanWindows = new int[config.spans().size() + 1];
    spanWindows[0] = 1;
    for (int i = 0; i < config.spans().size(); i++) {
      spanWindows[i + 1] = (int) (config.spans().get(i).toMillis() / windows.sizeMs());
    }
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double windowTail = normal.survivalProbability(config.deviations());
    this.tail = new double[spanWindows.length];
    this.deviations = new double[spanWindows.length];
    for (int span = 0; span < spanWindows.length; span++) {
      tail[span] = Math.min(MAX_TAIL, windowTail * spanWindows[span]);
      deviations[span] = span == 0 ? config.deviations() : normal.inverseSurvivalProbability(tail[span]);
    }
  }

  public State initial() {
    return new State(VolumeBaseline.empty(windows.windowsPerDay()), null,
        RecentCounts.empty(Arrays.stream(spanWindows).max().orElse(1), spanWindows.length), 0);
  }

  public Outcome step(State state, Series series, WindowStats window) {
    int slot = VolumeBaseline.slot(window.start(), windows.sizeMs(), windows.windowsPerDay());
    VolumeBaseline learnt = state.baseline().update(slot, window.stories(), baselineDays, config.learningDays());
    RecentCounts recent = state.recent() == null
        ? RecentCounts.empty(Arrays.stream(spanWindows).max().orElse(1), spanWindows.length) : state.recent();
    recent = recent.with(window.stories(), window.articles());
    Judged[] judged = new Judged[spanWindows.length];
    for (int span = 0; span < spanWindows.length; span++) {
      judged[span] = judge(state.baseline(), recent, span, window);
      if (judged[span] != null && span > 0) {
        recent = recent.measured(span, judged[span].stories(), judged[span].usual(), windows.alpha());
      }
    }
    Episode episode = state.episode();
    Episode.Step step;
    Judged fired;
    if (episode != null && episode.open()) {
      fired = judged[state.firedSpan()];
      double z = fired == null ? 0 : fired.z();
      step = episode.observe(window.end(), z < config.episodes().endWithin(), z, config.episodes());
    } else {
      // A span that still holds the windows of the last alert is not new evidence: a three-hour burst must not fire
      // again on the six-hour and the day's count once its own alert has ended.
      long since = episode == null ? Long.MIN_VALUE : episode.closed();
      fired = Arrays.stream(judged).filter(j -> j != null && j.fires()
              && window.end() - j.windows() * windows.sizeMs() >= since)
          .min(Comparator.comparingDouble(Judged::likelihood).thenComparingInt(Judged::span)).orElse(null);
      if (fired == null) {
        return new Outcome(new State(learnt, episode, recent, state.firedSpan()), null);
      }
      long from = window.end() - fired.windows() * windows.sizeMs();
      step = Episode.fire(episode, AlertWriter.key(AlertType.VOLUME_SPIKE, series.name(), null, from), null, from,
          window.end(), fired.z(), config.episodes());
    }
    int span = fired == null ? state.firedSpan() : fired.span();
    State next = new State(learnt, step.episode(), recent, span);
    if (step.change() == null || fired == null) {
      return new Outcome(next, null);
    }
    long from = window.end() - fired.windows() * windows.sizeMs();
    String facts = String.format(Locale.ROOT,
        "%d stories about the relationship in %s %s, where %s %s usual at this time (%s sd above; %d articles).",
        fired.stories(), series.label(), when(fired.windows(), from, window.end()), AlertWriter.plain(fired.usual()),
        fired.usual() == 1 ? "is" : "are", AlertWriter.plain(fired.z()), fired.articles());
    List<Contribution> stories = new ArrayList<>(window.negative());
    stories.addAll(window.positive());
    return new Outcome(next, new Finding(AlertType.VOLUME_SPIKE, step.episode(), step.change(),
        Episode.severity(fired.z(), config.episodes()), series.name(), series.label(), series.bloc(), from,
        window.end(), fired.usual(), fired.stdDev(), fired.stories(), fired.z(), fired.articles(), fired.stories(),
        stories, series, window, 0, facts));
  }

  /** "between 14:00 and 15:00 on 2023-02-24", "in the 24 hours to 2023-02-24 15:00 UTC". */
  private String when(int spanWindows, long from, long to) {
    if (spanWindows == 1) {
      return "between " + AlertWriter.time(from) + " and " + AlertWriter.time(to).substring(11);
    }
    long hours = Duration.ofMillis(to - from).toHours();
    return hours > 0 && Duration.ofMillis(to - from).toMinutesPart() == 0
        ? "in the " + hours + " hours to " + AlertWriter.time(to)
        : "in the " + Duration.ofMillis(to - from).toMinutes() + " minutes to " + AlertWriter.time(to);
  }

  /**
   * One span's count against its usual: for one window the usual of its hour, for a span the sum of the usual of
   * its windows' hours with the span's own dispersion; null while an hour in it is still being learnt.
   */
  private Judged judge(VolumeBaseline baseline, RecentCounts recent, int span, WindowStats window) {
    int length = spanWindows[span];
    int stories = recent.stories(length);
    if (stories < 0) {
      return null;
    }
    double usual = 0;
    double variance = 0;
    for (int i = 0; i < length; i++) {
      long start = window.start() - i * windows.sizeMs();
      Expected expected = baseline.expected(VolumeBaseline.slot(start, windows.sizeMs(), windows.windowsPerDay()),
          config.learningDays());
      if (expected == null) {
        return null;
      }
      usual += expected.mean();
      variance += expected.stdDev() * expected.stdDev();
    }
    double phi = span == 0 ? 1 : recent.phi(span);
    double stdDev = span == 0 ? Math.sqrt(variance) : Math.sqrt(Math.max(1, phi * usual));
    double z = (stories - usual) / stdDev;
    double likelihood = PoissonDistribution.of(Math.max(LEAST_MEAN, usual / phi))
        .survivalProbability((int) Math.ceil(stories / phi) - 1);
    boolean fires = stories >= config.minStories() && stories >= config.ratio() * usual && z >= deviations[span]
        && likelihood <= tail[span];
    return new Judged(span, length, stories, recent.articles(length), usual, stdDev, z, likelihood, fires);
  }
}
