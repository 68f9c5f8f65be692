package io.eurus.processor.detect;

import io.eurus.events.AlertType;
import io.eurus.events.Direction;
import io.eurus.processor.coverage.Contribution;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.WindowStats;
import io.eurus.processor.detect.DetectorConfig.Divergence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TONE_DIVERGENCE: the two sides' media move apart. Per window the gap {@code g = tone(first) - tone(second)}
 * between the sides' mean tone is compared with its own {@link LevelBaseline} (the two sides always differ
 * somewhat; what matters is that they differ more than usual), with the sampling variance of a difference of
 * two means ({@code v1 / n1 + v2 / n2}). It fires when the gap is {@code deviations} standard deviations off its
 * usual value, in the widening direction, and at least {@code minWidening} wider in tone units; the alert's
 * direction is the way the side that moved more (against its own tone baseline) moved. While it lasts the gap's
 * baseline is frozen.
 */
public final class DivergenceDetector {

  /** Floor under the gap's standard deviation, in tone units: two constant series are not infinitely apart. */
  static final double MIN_STD_DEV = 0.01;

  /**
   * @param pendingFirst  the first side's windows since the last step, while either side had too few stories; null
   *                      when none
   * @param pendingSecond the same for the second side, over the same windows
   */
  public record State(LevelBaseline gap, Episode episode, WindowStats pendingFirst, WindowStats pendingSecond) {
    public static final State INITIAL = new State(LevelBaseline.EMPTY, null, null, null);

    State(LevelBaseline gap, Episode episode) {
      this(gap, episode, null, null);
    }
  }

  /** One side's window with its tone baseline. */
  public record Side(Series series, WindowStats window, ToneBaseline baseline) {
  }

  /** @param finding what to tell the desk, null for nothing */
  public record Outcome(State state, Finding finding) {
  }

  private final Divergence config;
  private final double alpha;
  private final double toneFloor;

  public DivergenceDetector(Divergence config, double alpha, double toneFloor) {
    this.config = config;
    this.alpha = alpha;
    this.toneFloor = toneFloor;
  }

  /**
   * One more window of both sides. While either side has fewer than {@code minStories} stories, both sides' windows
   * are carried over and judged together with the next ones once both hold enough: the gap is then measured over
   * the same span on both sides, and a side that reports little is not left out.
   */
  public Outcome step(State state, String profile, Side first, Side second) {
    WindowStats a = state.pendingFirst() == null ? first.window() : state.pendingFirst().merge(first.window());
    WindowStats b = state.pendingSecond() == null ? second.window() : state.pendingSecond().merge(second.window());
    if (a.toned() < config.minStories() || b.toned() < config.minStories()) {
      boolean carry = a.toned() > 0 || b.toned() > 0;
      return new Outcome(new State(state.gap(), state.episode(), carry ? a : null, carry ? b : null), null);
    }
    return judge(new State(state.gap(), state.episode()), profile, new Side(first.series(), a, first.baseline()),
        new Side(second.series(), b, second.baseline()));
  }

  private Outcome judge(State state, String profile, Side first, Side second) {
    WindowStats a = first.window();
    WindowStats b = second.window();
    double alpha = LevelBaseline.overWindows(this.alpha, a.windows());
    double gap = a.meanTone() - b.meanTone();
    double sampling = samplingVariance(first) + samplingVariance(second);
    LevelBaseline usual = state.gap();
    Episode episode = state.episode();
    if (usual.windows() < config.learningWindows()) {
      return new Outcome(new State(usual.update(gap, sampling, alpha), episode), null);
    }
    double stdDev = usual.stdDev(sampling, MIN_STD_DEV);
    double z = (gap - usual.mean()) / stdDev;
    double widening = Math.abs(gap) - Math.abs(usual.mean());
    Episode.Step step;
    if (episode != null && episode.open()) {
      boolean calm = Math.abs(z) < config.episodes().endWithin() || widening < config.minWidening() / 2;
      step = episode.observe(a.end(), calm, z, config.episodes());
    } else if (widening >= config.minWidening() && Math.abs(z) >= config.deviations()
        && Math.signum(gap - usual.mean()) == Math.signum(gap)) {
      Direction direction = mover(first, second);
      step = Episode.fire(episode, AlertWriter.key(AlertType.TONE_DIVERGENCE, profile, direction, a.start()), direction,
          a.start(), a.end(), z, config.episodes());
    } else {
      return new Outcome(new State(usual.update(gap, sampling, alpha), episode), null);
    }
    LevelBaseline kept = step.change() == Episode.Change.ADAPTED ? usual.recentred(gap) : usual;
    State next = new State(kept, step.episode());
    if (step.change() == null) {
      return new Outcome(next, null);
    }
    return new Outcome(next, finding(profile, first, second, step, gap, usual.mean(), stdDev, z));
  }

  /** Which way the side that moved further from its own tone baseline moved. */
  private Direction mover(Side first, Side second) {
    double one = first.baseline().deviation(first.window(), toneFloor);
    double other = second.baseline().deviation(second.window(), toneFloor);
    double larger = Math.abs(one) >= Math.abs(other) ? one : other;
    return larger < 0 ? Direction.NEGATIVE : Direction.POSITIVE;
  }

  /**
   * The variance of a side's mean tone in this window: the variance of its stories' tone over their number. The
   * stories' variance is the window's own, but never less than the side's usual once that is known: from the
   * three stories of a quiet night the own variance is too noisy to trust, and three stories of like tone made an
   * ordinary gap look many standard deviations wide (false alarms at a small desk's volume).
   */
  private double samplingVariance(Side side) {
    Double own = side.window().toneVariance();
    double usual = side.baseline().storyVariance(); // 0 until a window of two stories has been seen
    return (own == null ? usual : Math.max(own, usual)) / side.window().toned();
  }

  private Finding finding(String profile, Side first, Side second, Episode.Step step, double gap, double usual,
      double stdDev, double z) {
    WindowStats a = first.window();
    WindowStats b = second.window();
    Side moved = Math.abs(first.baseline().deviation(a, toneFloor)) >= Math.abs(second.baseline().deviation(b, toneFloor))
        ? first : second;
    Side other = moved == first ? second : first;
    double sign = step.episode().direction() == Direction.NEGATIVE ? -1 : 1;
    // The stories that make the gap: the moving side's pulling the way it moved first, then the other side's
    // pulling the other way.
    List<Contribution> cited = new ArrayList<>();
    List<Contribution> fromMoved = moved.window().pulling(sign);
    List<Contribution> fromOther = other.window().pulling(-sign);
    for (int i = 0; i < Math.max(fromMoved.size(), fromOther.size()); i++) {
      if (i < fromMoved.size()) {
        cited.add(fromMoved.get(i));
      }
      if (i < fromOther.size()) {
        cited.add(fromOther.get(i));
      }
    }
    String subject = "the " + first.series().side() + " and " + second.series().side() + " sides";
    String facts = String.format(Locale.ROOT,
        "Between %s and %s the %s side's tone was %s and the %s side's %s: a gap of %s where %s ± %s is usual "
            + "(%s sd); the %s side moved %s.",
        AlertWriter.time(a.start()), AlertWriter.time(a.end()).substring(11), first.series().side(),
        AlertWriter.signed(a.meanTone()), second.series().side(), AlertWriter.signed(b.meanTone()),
        AlertWriter.signed(gap), AlertWriter.signed(usual), AlertWriter.plain(stdDev), AlertWriter.signed(z),
        moved.series().side(), AlertWriter.towards(step.episode().direction()));
    return new Finding(AlertType.TONE_DIVERGENCE, step.episode(), step.change(),
        Episode.severity(z, config.episodes()), profile + "/side/" + first.series().side() + "~" + second.series().side(),
        subject, null, a.start(), a.end(), usual, stdDev, gap, z, a.articles() + b.articles(), a.stories() + b.stories(),
        cited, moved.series(), moved.window(), sign, facts);
  }
}
