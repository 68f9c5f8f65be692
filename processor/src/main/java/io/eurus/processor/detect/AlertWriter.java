package io.eurus.processor.detect;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.ArticleRef;
import io.eurus.events.Direction;
import io.eurus.events.Evidence;
import io.eurus.events.StoryRef;
import io.eurus.events.TermWeight;
import io.eurus.processor.coverage.Contribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes a {@link Finding} up as an {@link Alert} the desk can read in one glance: a title that says what moved
 * and where, a summary with the numbers, the terms that moved and the lead story, and the evidence in full.
 * Nothing in it depends on the wall clock: {@code created} is the event time at which the window could close,
 * so the same coverage always gives the same alerts.
 */
public final class AlertWriter {

  /** Articles (and their stories) cited per alert. */
  static final int CITED = 3;
  static final int TERMS = 5;

  private final long graceMs;

  public AlertWriter(long graceMs) {
    this.graceMs = graceMs;
  }

  public Alert write(Finding finding, Citations citations) {
    Episode episode = finding.episode();
    List<TermWeight> terms = citations.movedTerms(finding.termSeries(), finding.termStats(), finding.termSign())
        .stream().limit(TERMS).toList();
    List<Contribution> cited = new ArrayList<>(finding.contributions());
    List<StoryRef> stories = new ArrayList<>();
    List<ArticleRef> articles = new ArrayList<>();
    List<StoryRef> found = cited.stream().map(c -> citations.story(c.storyId(), finding.windowEnd())).toList();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < cited.size(); i++) {
      order.add(i);
    }
    if (finding.type() == AlertType.VOLUME_SPIKE) {
      // A burst is made of the stories carried most widely: cite those first.
      order.sort(Comparator.comparingInt((Integer i) -> found.get(i) == null ? 0 : -found.get(i).sources()));
    }
    for (int i : order.subList(0, Math.min(CITED, order.size()))) {
      articles.add(cited.get(i).ref());
      if (found.get(i) != null) {
        stories.add(found.get(i));
      }
    }
    Evidence evidence = Evidence.builder()
        .series(finding.series())
        .windowStart(Instant.ofEpochMilli(finding.windowStart()))
        .windowEnd(Instant.ofEpochMilli(finding.windowEnd()))
        .baseline(round(finding.baseline()))
        .baselineStdDev(round(finding.baselineStdDev()))
        .current(round(finding.current()))
        .deviations(Math.round(finding.deviation() * 100) / 100.0)
        .articleCount(finding.articles())
        .storyCount(finding.stories())
        .terms(terms)
        .stories(stories)
        .build();
    return Alert.builder()
        .id(Alert.idOf(episode.key(), episode.revision()))
        .key(episode.key())
        .revision(episode.revision())
        .type(finding.type())
        .severity(finding.severity())
        .title(title(finding))
        .summary(summary(finding, terms, stories))
        .at(Instant.ofEpochMilli(episode.at()))
        .created(Instant.ofEpochMilli(finding.windowEnd() + graceMs))
        .bloc(finding.bloc())
        .direction(episode.direction())
        .articles(articles)
        .evidence(evidence)
        .build();
  }

  /** The key of a new alert: type, what it is about, which way, and when it began. */
  public static String key(AlertType type, String subject, Direction direction, long at) {
    return type + ":" + subject + (direction == null ? "" : ":" + direction) + ":" + Instant.ofEpochMilli(at);
  }

  static String title(Finding finding) {
    String what = switch (finding.type()) {
      case TONE_SHIFT -> "Tone " + towards(finding.episode().direction()) + " in " + finding.subject();
      case VOLUME_SPIKE -> "Burst of coverage in " + finding.subject();
      case TONE_DIVERGENCE -> "Coverage drifts apart: " + finding.subject();
      default -> finding.type() + " in " + finding.subject();
    };
    return what + switch (finding.change()) {
      case OPENED, DEEPENED -> "";
      case REOPENED -> " (again)";
      case ENDED -> " (over)";
      case ADAPTED -> " (now the normal)";
    };
  }

  static String summary(Finding finding, List<TermWeight> terms, List<StoryRef> stories) {
    StringBuilder text = new StringBuilder(finding.facts());
    text.append(switch (finding.change()) {
      case OPENED -> "";
      case REOPENED -> " It fired again within the cool-down, so this continues the same alert.";
      case DEEPENED -> " It has grown since the last update.";
      case ENDED -> " It is over: back near the baseline.";
      case ADAPTED -> " It has lasted long enough to become the new baseline.";
    });
    if (!terms.isEmpty()) {
      text.append(" Terms that moved most: ")
          .append(terms.stream().map(TermWeight::term).collect(Collectors.joining(", "))).append('.');
    }
    stories.stream().filter(Objects::nonNull).findFirst().ifPresent(story -> text.append(" Lead story: \"")
        .append(story.title()).append("\", carried by ").append(story.sources())
        .append(story.sources() == 1 ? " source" : " sources").append(", first by ").append(story.firstSource())
        .append('.'));
    return text.toString();
  }

  static String towards(Direction direction) {
    return direction == Direction.NEGATIVE ? "towards conflict" : "towards cooperation";
  }

  /** Tones and deviations for people: two decimals, signed. */
  static String signed(double value) {
    return String.format(Locale.ROOT, "%+.2f", value);
  }

  static String plain(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String time(long epochMs) {
    String iso = Instant.ofEpochMilli(epochMs).toString();
    return iso.substring(0, 10) + " " + iso.substring(11, 16) + " UTC";
  }

  private static Double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
