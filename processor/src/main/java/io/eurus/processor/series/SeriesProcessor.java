package io.eurus.processor.series;

import io.eurus.events.Alert;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.StoryRef;
import io.eurus.events.TermWeight;
import io.eurus.events.ToneWindow;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.SeriesLevel;
import io.eurus.processor.coverage.WindowStats;
import io.eurus.processor.detect.AlertWriter;
import io.eurus.processor.detect.Citations;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.detect.DivergenceDetector;
import io.eurus.processor.detect.Finding;
import io.eurus.processor.detect.TermBaseline;
import io.eurus.processor.detect.ToneBaseline;
import io.eurus.processor.detect.ToneShiftDetector;
import io.eurus.processor.detect.VolumeSpikeDetector;
import io.eurus.processor.stories.Story;
import io.eurus.processor.stories.StoryBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows and detectors on event time. Each relevant article (its first version) counts in its series' open
 * window — as a new story, or as a copy of one the series already has — and the window's update goes to
 * {@code tone.windows}. Stream time (the latest event time seen, non-relevant articles included) closes every
 * window whose end plus grace it has passed: each series' window is then published as closed, the detectors run
 * on it (an empty window too: a quiet hour teaches the volume baseline), and what they find goes to
 * {@code alerts}. An article whose window has already closed is dropped and counted in the
 * {@code late-articles-dropped} metric.
 *
 * <p>Deterministic: the same articles in the same order give the same windows and alerts, with no wall clock in
 * them, which is what replay and exactly-once restarts rely on.
 */
final class SeriesProcessor implements Processor<String, EnrichedArticle, String, SeriesOutput> {

  private static final Logger LOG = LoggerFactory.getLogger(SeriesProcessor.class);

  /** Metric group and name of dropped late articles: {@code stream-eurus-series-metrics / late-articles-dropped-total}. */
  static final String METRIC_SCOPE = "eurus-series";
  static final String LATE_METRIC = "late-articles-dropped";

  private final DetectorConfig config;
  private final long sizeMs;
  private final long graceMs;
  private final long baselineMs;
  private final double alpha;
  private final ToneShiftDetector toneShift;
  private final VolumeSpikeDetector volumeSpike;
  private final DivergenceDetector divergence;
  private final AlertWriter writer;

  private ProcessorContext<String, SeriesOutput> context;
  private KeyValueStore<String, OpenWindow> windows;
  private KeyValueStore<String, SeriesState> states;
  private KeyValueStore<String, ProfileState> profiles;
  /**
   * The open windows, the series' states and the profile's state as the stores hold them, kept deserialised:
   * every article reads the windows, every closing window every state. Written through to the stores (whose
   * changelogs restore them); loaded again whenever the task starts.
   */
  private final TreeMap<String, OpenWindow> open = new TreeMap<>();
  private final TreeMap<String, SeriesState> known = new TreeMap<>();
  private ProfileState profile;
  private StoryBook stories;
  private Sensor late;

  SeriesProcessor(DetectorConfig config) {
    this.config = config;
    this.sizeMs = config.windows().sizeMs();
    this.graceMs = config.windows().graceMs();
    this.baselineMs = config.windows().baseline().toMillis();
    this.alpha = config.windows().alpha();
    this.toneShift = new ToneShiftDetector(config.toneShift(), alpha);
    this.volumeSpike = new VolumeSpikeDetector(config.volumeSpike(), config.windows());
    this.divergence = new DivergenceDetector(config.divergence(), alpha, config.toneShift().minStdDev());
    this.writer = new AlertWriter(graceMs);
  }

  @Override
  public void init(ProcessorContext<String, SeriesOutput> context) {
    this.context = context;
    this.windows = context.getStateStore(SeriesStores.WINDOWS);
    this.states = context.getStateStore(SeriesStores.STATE);
    this.profiles = context.getStateStore(SeriesStores.PROFILE);
    this.stories = StoryBook.of(context, config.stories().horizon().toMillis());
    this.late = context.metrics().addRateTotalSensor(METRIC_SCOPE, config.profile(), LATE_METRIC,
        Sensor.RecordingLevel.INFO);
    // A task revived after an error (TaskCorruptedException) calls init again on this same instance, its stores
    // wiped and restored from the changelogs: what the maps held then may never have been committed.
    open.clear();
    known.clear();
    try (KeyValueIterator<String, OpenWindow> all = windows.all()) {
      all.forEachRemaining(entry -> open.put(entry.key, entry.value));
    }
    try (KeyValueIterator<String, SeriesState> all = states.all()) {
      all.forEachRemaining(entry -> known.put(entry.key, entry.value));
    }
    ProfileState stored = profiles.get(config.profile());
    profile = stored == null ? ProfileState.INITIAL : stored;
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    long time = record.timestamp();
    ProfileState before = profile;
    profile = advance(profile, time);
    if (counts(article)) {
      long start = Math.floorDiv(time, sizeMs) * sizeMs;
      if (start < profile.nextToClose()) {
        late.record();
        LOG.debug("Dropped late article {} of {}: its window closed (stream time {})", article.article().id(),
            Instant.ofEpochMilli(time), Instant.ofEpochMilli(profile.streamTime()));
      } else {
        add(article, start, time);
      }
    }
    if (!profile.equals(before)) {
      profiles.put(config.profile(), profile);
    }
  }

  /** Relevant articles count, each in its first version only (a later revision is the same article). */
  private static boolean counts(EnrichedArticle article) {
    return article != null && article.relevant() && article.article() != null && article.article().revision() <= 1;
  }

  private void add(EnrichedArticle article, long start, long time) {
    Story story = stories.find(article.storyId(), time);
    for (Series series : Series.of(config.profile(), article.article(), config.sides())) {
      String key = SeriesStores.windowKey(start, series.name());
      OpenWindow window = open.get(key);
      if (window == null) {
        SeriesState state = known.get(series.name());
        ToneBaseline baseline = state == null ? null : state.tone().baseline();
        window = new OpenWindow(WindowStats.empty(series, start, start + sizeMs),
            baseline != null && baseline.ready(config.toneShift().learningWindows()) ? baseline : null);
      }
      // Without its story (expired, or too old to store) an article can only count as a story of its own.
      boolean newStory = story == null || story.firstInSeries(article.article().id(), c -> series.carries(c.bloc(), c.language(), config.sides()));
      window = new OpenWindow(window.stats().with(article, newStory), window.baseline());
      open.put(key, window);
      windows.put(key, window);
      if (series.level().published()) {
        forwardWindow(window.stats(), window.baseline(), false, time);
      }
    }
  }

  /** Moves stream time to {@code time} and closes every window it has passed by more than the grace. */
  private ProfileState advance(ProfileState profile, long time) {
    long streamTime = Math.max(profile.streamTime(), time);
    long next = profile.nextToClose() == Long.MIN_VALUE ? Math.floorDiv(time, sizeMs) * sizeMs : profile.nextToClose();
    long lastClosable = Math.floorDiv(streamTime - graceMs - sizeMs, sizeMs) * sizeMs;
    DivergenceDetector.State gap = profile.divergence();
    if (lastClosable - next > baselineMs) {
      // A jump longer than the baseline (the desk was down, or an archive has a hole): close the windows that
      // hold articles, and learn only the empty windows of the last baseline span.
      long resume = lastClosable - baselineMs / sizeMs * sizeMs;
      for (long start : openStartsBefore(resume)) {
        gap = close(start, gap, streamTime);
      }
      next = resume;
    }
    for (; next <= lastClosable; next += sizeMs) {
      gap = close(next, gap, streamTime);
    }
    return new ProfileState(streamTime, next, gap);
  }

  private List<Long> openStartsBefore(long end) {
    List<Long> starts = new ArrayList<>();
    for (OpenWindow window : open.values()) {
      long start = window.stats().start();
      if (start < end && (starts.isEmpty() || starts.get(starts.size() - 1) != start)) {
        starts.add(start);
      }
    }
    return starts;
  }

  /** Closes the window starting at {@code start} in every series: publish, detect, alert, learn. */
  private DivergenceDetector.State close(long start, DivergenceDetector.State gap, long streamTime) {
    long end = start + sizeMs;
    Map<String, WindowStats> closing = new TreeMap<>();
    Map<String, OpenWindow> ending = open.subMap(SeriesStores.windowKey(start, ""), SeriesStores.windowKey(start, "\uffff"));
    ending.values().forEach(window -> closing.put(window.stats().series().name(), window.stats()));
    ending.keySet().forEach(windows::delete);
    ending.clear();
    // Every series the profile knows closes the window, those without an article in it too.
    Map<String, SeriesState> closingSeries = new TreeMap<>(known);
    closing.forEach((name, stats) -> closingSeries.computeIfAbsent(name, n -> initial(stats.series())));

    Map<String, TermBaseline> termsBefore = new HashMap<>();
    Map<String, DivergenceDetector.Side> sides = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (SeriesState state : closingSeries.values()) {
      WindowStats stats = closing.getOrDefault(state.series().name(), WindowStats.empty(state.series(), start, end));
      termsBefore.put(state.series().name(), state.terms());
      if (state.series().level() == SeriesLevel.SIDE) {
        sides.put(state.series().side(), new DivergenceDetector.Side(state.series(), stats, state.tone().baseline()));
      }
      findings.addAll(closeSeries(state, stats, streamTime));
    }
    DivergenceDetector.Side first = sides.get(config.sides().first());
    DivergenceDetector.Side second = sides.get(config.sides().second());
    if (first != null && second != null) {
      DivergenceDetector.Outcome outcome = divergence.step(gap, config.profile(), first, second);
      gap = outcome.state();
      if (outcome.finding() != null) {
        findings.add(outcome.finding());
      }
    }
    Citations citations = citations(termsBefore);
    for (Finding finding : findings) {
      Alert alert = writer.write(finding, citations);
      context.forward(new Record<>(alert.key(), new SeriesOutput.Raised(alert), streamTime));
    }
    return gap;
  }

  /**
   * One series' window closes: it is published with the baseline it was measured against, its detectors step,
   * and its state is kept — or forgotten once it has been silent for a whole baseline.
   *
   * @return what the detectors found, on the levels that alert
   */
  private List<Finding> closeSeries(SeriesState state, WindowStats stats, long streamTime) {
    Series series = state.series();
    ToneBaseline before = state.tone().baseline();
    if (series.level().published()) {
      forwardWindow(stats, before.ready(config.toneShift().learningWindows()) ? before : null, true, streamTime);
    }
    ToneShiftDetector.Outcome tone = toneShift.step(state.tone(), series, stats);
    VolumeSpikeDetector.Outcome volume = series.level().published()
        ? volumeSpike.step(state.volume(), series, stats) : new VolumeSpikeDetector.Outcome(state.volume(), null);
    long lastArticle = stats.articles() > 0 ? stats.end() : state.lastArticle();
    if (lastArticle <= stats.end() - baselineMs) {
      states.delete(series.name());
      known.remove(series.name());
    } else {
      SeriesState next = new SeriesState(series, lastArticle, tone.state(), volume.state(), state.terms().update(stats, alpha));
      states.put(series.name(), next);
      known.put(series.name(), next);
    }
    List<Finding> findings = new ArrayList<>(2);
    if (config.alertLevels().contains(series.level())) {
      if (tone.finding() != null) {
        findings.add(tone.finding());
      }
      if (volume.finding() != null) {
        findings.add(volume.finding());
      }
    }
    return findings;
  }

  /** Terms are measured against the baselines before this window; stories as they stand now. */
  private Citations citations(Map<String, TermBaseline> termsBefore) {
    return new Citations() {
      @Override
      public List<TermWeight> movedTerms(Series series, WindowStats stats, double sign) {
        return termsBefore.getOrDefault(series.name(), TermBaseline.EMPTY).moved(stats, sign);
      }

      @Override
      public StoryRef story(String storyId, long around) {
        Story story = stories.find(storyId, around);
        return story == null ? null : story.ref();
      }
    };
  }

  private SeriesState initial(Series series) {
    return new SeriesState(series, Long.MIN_VALUE, ToneShiftDetector.State.INITIAL, volumeSpike.initial(), TermBaseline.EMPTY);
  }

  private void forwardWindow(WindowStats stats, ToneBaseline baseline, boolean closed, long timestamp) {
    Series series = stats.series();
    Double stdDev = baseline == null ? null
        : round(baseline.stdDev(Math.max(1, stats.toned()), config.toneShift().minStdDev()));
    ToneWindow window = ToneWindow.builder()
        .series(series.name())
        .profile(config.profile())
        .bloc(series.bloc())
        .language(series.language())
        .windowStart(Instant.ofEpochMilli(stats.start()))
        .windowEnd(Instant.ofEpochMilli(stats.end()))
        .articles(stats.articles())
        .stories(stats.stories())
        .meanTone(round(stats.meanTone()))
        .toneVariance(round(stats.toneVariance()))
        .baselineMean(baseline == null ? null : round(baseline.mean()))
        .baselineStdDev(stdDev)
        .closed(closed)
        .build();
    context.forward(new Record<>(ToneWindow.keyOf(series.name(), window.windowStart()), new SeriesOutput.Window(window),
        timestamp));
  }

  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 10_000) / 10_000.0;
  }
}
