package io.eurus.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The demo's scripted hours ({@code demo/demo-timeline.yaml}): everyday coverage from every demo feed, a turn in
 * which the Russian state media grow hostile while the EU side grows cooperative, and a burst around one wire story
 * — each item with its time in the demo, from its start. The hand-written demo items (their {@code phase}) are placed
 * where they belong in that story; everyday items are put together from the file's sentences. The same file gives the
 * same items at the same times.
 */
public record DemoTimeline(int hours, double secondsPerHour, long seed, Map<String, Double> everyday, Turn turn,
    Burst burst, Sentences sentences) {

  /** The demo hours of the turn, the stories an hour each of its feeds adds, and which blocs turn which way. */
  public record Turn(int from, int to, int perHour, List<String> hostile, List<String> cooperative) {
    public Turn {
      hostile = hostile == null ? List.of("russia-state") : List.copyOf(hostile);
      cooperative = cooperative == null ? List.of("eu-institutions", "eu-media") : List.copyOf(cooperative);
    }
  }

  /** The demo hour of the burst, how many stories come on top of the everyday ones, and the wire story in it. */
  public record Burst(int at, int stories, Wire wire) {
  }

  public record Wire(List<String> feeds, String title, String summary) {
  }

  public record Pools(List<String> neutral, List<String> hostile, List<String> cooperative) {

    List<String> of(Tone tone) {
      return switch (tone) {
        case NEUTRAL -> neutral;
        case HOSTILE -> hostile;
        case COOPERATIVE -> cooperative;
      };
    }
  }

  public record Figures(List<String> things, List<String> places) {
  }

  public record Sentences(Pools en, Pools ru, Map<String, Figures> figures) {

    Pools of(String language) {
      return "ru".equals(language) ? ru : en;
    }
  }

  enum Tone { NEUTRAL, HOSTILE, COOPERATIVE }

  /** Clauses in an everyday item's line of figures: enough word pairs of its own to outweigh its sentence's. */
  private static final int FIGURES = 8;

  /** One item of a feed at a time of the demo, counted from its start; {@code guid} is stable. */
  public record Timed(String feedId, Duration at, DemoFeeds.Item item, String guid) {
  }

  public static DemoTimeline bundled() {
    try (InputStream in = DemoTimeline.class.getResourceAsStream("/demo/demo-timeline.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, DemoTimeline.class);
    } catch (IOException e) {
      throw new IllegalStateException("bundled demo timeline is unreadable", e);
    }
  }

  /** How long the scripted part lasts in demo time. */
  public Duration length() {
    return Duration.ofHours(hours);
  }

  /** Demo seconds per real second while the demo catches up with real time. */
  public double speed() {
    return 3600 / secondsPerHour;
  }

  /** Every scripted item, in the order of its time. */
  public List<Timed> schedule(DemoFeeds feeds) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Integer> used = new TreeMap<>();
    List<Timed> timed = new ArrayList<>();
    List<DemoFeeds.Feed> live = feeds.feeds().stream().filter(feed -> !feed.down()).toList();
    for (int hour = 0; hour < hours; hour++) {
      for (DemoFeeds.Feed feed : live) {
        if (random.nextDouble() < everyday.getOrDefault(feed.id(), 0.0)) {
          timed.add(everydayItem(feed, hour, toneAt(feed, hour, random), random, used));
        }
        if (hour >= turn.from() && hour < turn.to() && turns(feed) != Tone.NEUTRAL) {
          for (int i = 0; i < turn.perHour(); i++) {
            timed.add(everydayItem(feed, hour, turns(feed), random, used));
          }
        }
      }
      if (hour == burst.at()) {
        for (int i = 0; i < burst.stories(); i++) {
          timed.add(everydayItem(live.get(random.nextInt(live.size())), hour, Tone.HOSTILE, random, used));
        }
        for (int i = 0; i < burst.wire().feeds().size(); i++) {
          String feed = burst.wire().feeds().get(i);
          timed.add(new Timed(feed, Duration.ofHours(hour).plusMinutes(5 + 9L * i),
              new DemoFeeds.Item(2, burst.wire().title(), burst.wire().summary(), null), "wire:" + feed));
        }
      }
    }
    for (DemoFeeds.Feed feed : live) {
      for (int index = 0; index < feed.items().size(); index++) {
        timed.add(written(feed, index, random));
      }
    }
    timed.sort(Comparator.comparing(Timed::at).thenComparing(Timed::feedId).thenComparing(Timed::guid));
    return List.copyOf(timed);
  }

  /**
   * An everyday item of {@code feed} after the scripted hours, {@code n} counting from there: the demo goes on at
   * real speed with the same kind of coverage.
   */
  public Timed afterwards(DemoFeeds feeds, long n) {
    List<DemoFeeds.Feed> live = feeds.feeds().stream().filter(feed -> !feed.down()).toList();
    SplittableRandom random = new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L));
    DemoFeeds.Feed feed = live.get((int) (n % live.size()));
    Timed item = everydayItem(feed, hours, Tone.NEUTRAL, random, new TreeMap<>());
    return new Timed(feed.id(), item.at(), item.item(), "live:" + n);
  }

  /** The tone of a feed's everyday item: mostly neutral, now and then either way; the turning blocs in the turn. */
  private Tone toneAt(DemoFeeds.Feed feed, int hour, SplittableRandom random) {
    if (hour >= turn.from() && hour < turn.to() && turns(feed) != Tone.NEUTRAL) {
      return turns(feed);
    }
    double draw = random.nextDouble();
    return draw < 0.05 ? Tone.HOSTILE : draw < 0.10 ? Tone.COOPERATIVE : Tone.NEUTRAL;
  }

  private Tone turns(DemoFeeds.Feed feed) {
    return turn.hostile().contains(feed.bloc()) ? Tone.HOSTILE
        : turn.cooperative().contains(feed.bloc()) ? Tone.COOPERATIVE : Tone.NEUTRAL;
  }

  /**
   * A hand-written item where its phase belongs: before the turn (phase 1); a hostile one in the turn where its bloc
   * turns hostile, else after the burst; a cooperative one (phase 3) in the turn where its bloc turns cooperative,
   * else after the burst.
   */
  private Timed written(DemoFeeds.Feed feed, int index, SplittableRandom random) {
    DemoFeeds.Item item = feed.items().get(index);
    int from;
    int to;
    if (item.phase() <= 1) {
      from = 0;
      to = turn.from();
    } else if (item.phase() == 2 && turns(feed) == Tone.HOSTILE || item.phase() == 3 && turns(feed) == Tone.COOPERATIVE) {
      from = turn.from();
      to = turn.to();
    } else {
      from = burst.at() + 1;
      to = hours;
    }
    long minutes = from * 60L + random.nextLong(Math.max(1, (to - from) * 60L));
    return new Timed(feed.id(), Duration.ofMinutes(minutes), item, "written:" + feed.id() + ":" + index);
  }

  /**
   * An everyday item: a title and a sentence of the tone in the feed's language, and a line of figures that no other
   * item has, longer than the sentence, so that two items with the same sentence are still two stories (their word
   * pairs overlap by about a fifth, well under the 0.4 at which an article joins a story).
   */
  private Timed everydayItem(DemoFeeds.Feed feed, int hour, Tone tone, SplittableRandom random, Map<String, Integer> used) {
    List<String> pool = sentences.of(feed.language()).of(tone);
    String key = feed.language() + tone;
    int n = used.merge(key, 1, Integer::sum);
    int titleAt = random.nextInt(pool.size());
    String title = pool.get(titleAt);
    String sentence = pool.get((titleAt + 1 + random.nextInt(pool.size() - 1)) % pool.size());
    String body = sentence + " " + figures(feed.language(), random);
    Duration at = Duration.ofHours(hour).plusSeconds(random.nextLong(3600));
    return new Timed(feed.id(), at, new DemoFeeds.Item(0, title, body, null),
        String.format(Locale.ROOT, "everyday:%s:%d:%s:%d", feed.id(), hour, tone.name().toLowerCase(Locale.ROOT), n));
  }

  private String figures(String language, SplittableRandom random) {
    Figures figures = sentences.figures().get("ru".equals(language) ? "ru" : "en");
    StringBuilder line = new StringBuilder("ru".equals(language) ? "Цифры дня:" : "Figures of the day:");
    for (int i = 0; i < FIGURES; i++) {
      String thing = figures.things().get(random.nextInt(figures.things().size()));
      String place = figures.places().get(random.nextInt(figures.places().size()));
      int count = 2 + random.nextInt(98);
      line.append(i == 0 ? " " : "; ").append("ru".equals(language)
          ? thing + " — " + count + ", " + place : count + " " + thing + " in " + place);
    }
    return line.append('.').toString();
  }
}
