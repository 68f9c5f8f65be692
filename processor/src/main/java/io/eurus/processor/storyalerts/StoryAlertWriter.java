package io.eurus.processor.storyalerts;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.Evidence;
import io.eurus.events.RuleMatch;
import io.eurus.events.RuleRef;
import io.eurus.events.StoryRef;
import io.eurus.platform.config.Durations;
import io.eurus.processor.detect.DetectorConfig.Breaking;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a story's alert for the desk: the rules it matched, who carries it in which languages, who had it first
 * and how fast it spread — one alert for the story, however many articles and rules it has. Nothing in it depends
 * on the wall clock: {@code created} is the event time of the article that led to it.
 */
final class StoryAlertWriter {

  /** Sources named in the summary; the rest are counted. */
  private static final int NAMED = 5;

  private StoryAlertWriter() {
  }

  static Alert write(StoryAlertState state, String change, StoryRef story, EnrichedArticle article, long time,
      Breaking breaking) {
    List<RuleRef> rules = state.rules().stream().map(match -> new RuleRef(match.ruleId(), match.name())).toList();
    Evidence evidence = Evidence.builder().articleCount(story.articles()).storyCount(1).stories(List.of(story)).build();
    return Alert.builder()
        .id(Alert.idOf(state.key(), state.revision()))
        .key(state.key())
        .revision(state.revision())
        .type(state.type())
        .severity(state.severity())
        .title(title(state, story))
        .summary(summary(state, change, story, article, breaking))
        .at(story.firstPublished())
        .created(Instant.ofEpochMilli(time))
        .bloc(story.blocs().size() == 1 ? story.blocs().get(0) : null)
        .rule(rules.isEmpty() ? null : rules.get(0))
        .rules(rules)
        .storyId(story.id())
        .articles(state.cited())
        .evidence(evidence)
        .build();
  }

  static String title(StoryAlertState state, StoryRef story) {
    String head = state.type() == AlertType.BREAKING_STORY ? "Breaking"
        : (state.breaking() ? "Breaking · " : "") + state.rules().stream().map(RuleMatch::name).collect(Collectors.joining(", "));
    return head + ": " + story.title();
  }

  static String summary(StoryAlertState state, String change, StoryRef story, EnrichedArticle article, Breaking breaking) {
    StringBuilder text = new StringBuilder();
    if (change != null) {
      text.append("Update: ").append(change).append(". ");
    }
    if (!state.rules().isEmpty()) {
      text.append(state.rules().size() == 1 ? "Rule " : "Rules ").append(state.rules().stream()
          .map(match -> "'" + match.name() + "' (" + match.severity() + ")").collect(Collectors.joining(", ")))
          .append(" matched. ");
    }
    List<String> names = story.sourceNames();
    String named = String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
        + (story.sources() > Math.min(NAMED, names.size()) ? " and " + (story.sources() - Math.min(NAMED, names.size())) + " more" : "");
    text.append("Carried by ").append(story.sources()).append(story.sources() == 1 ? " source" : " sources")
        .append(story.languages().isEmpty() ? "" : " in " + String.join(", ", story.languages()))
        .append(" (").append(named).append("), first by ").append(story.firstSource()).append(" at ")
        .append(time(story.firstPublished()));
    if (story.articles() > story.sources()) {
      text.append("; ").append(story.articles()).append(" articles");
    }
    text.append('.');
    if (state.breaking()) {
      text.append(" Breaking: ").append(breaking.sources()).append(" or more sources within ")
          .append(Durations.format(breaking.within())).append(" of the first.");
    }
    if (article.tone() != null) {
      text.append(String.format(Locale.ROOT, " Relations tone %+.2f.", article.tone()));
    }
    return text.toString();
  }

  private static String time(Instant instant) {
    String iso = instant.toString();
    return iso.substring(0, 10) + " " + iso.substring(11, 16) + " UTC";
  }
}
