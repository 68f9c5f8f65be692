package io.eurus.processor.storyalerts;

import io.eurus.events.AlertType;
import io.eurus.events.ArticleRef;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.RuleMatch;
import io.eurus.events.Severity;
import io.eurus.platform.config.Durations;
import io.eurus.processor.detect.DetectorConfig.Breaking;
import io.eurus.processor.stories.Story;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one alert of a story, as last sent to the desk, in the {@code story-alerts} store: what it said, so that the
 * next article of the story updates it (next revision) only when there is something new to say — a rule not
 * matched before, the story turning into breaking news, or twice the sources it had when last sent.
 *
 * @param rules       every rule the story's articles matched, most severe first (ties: first matched first)
 * @param sentSources how many sources carried the story when the alert was last sent
 * @param breaking    whether it has been sent as breaking news
 * @param cited       the articles cited: the one that opened the alert and those that brought a new rule (at most 3)
 */
record StoryAlertState(String key, AlertType type, int revision, List<RuleMatch> rules, int sentSources, boolean breaking,
    List<ArticleRef> cited) {

  static final int CITED = 3;

  StoryAlertState {
    rules = List.copyOf(rules);
    cited = List.copyOf(cited);
  }

  /** What changed with one more article of the story, and the state to keep; nothing to send when {@code state} is null. */
  record Change(StoryAlertState state, String what) {
  }

  /**
   * The story's alert after {@code article}: opened when the story matches a rule or breaks, updated when a rule is
   * new, when it breaks, or when its sources have doubled since the last update; null when there is nothing to say.
   *
   * @param previous the alert so far, null when the story has none
   */
  static Change after(StoryAlertState previous, Story story, EnrichedArticle article, Breaking breaking) {
    // Only articles the desk sees are in stories (about the relationship, or matching a rule): any may break.
    boolean breaksNow = story.sourcesWithin(breaking.within().toMillis()) >= breaking.sources();
    List<RuleMatch> rules = new ArrayList<>(previous == null ? List.of() : previous.rules());
    List<String> newRules = new ArrayList<>();
    for (RuleMatch match : article.rules()) {
      if (rules.stream().noneMatch(known -> known.ruleId().equals(match.ruleId()))) {
        rules.add(match);
        newRules.add(match.name());
      }
    }
    rules.sort(Comparator.comparing(RuleMatch::severity).reversed());
    if (previous == null) {
      if (rules.isEmpty() && !breaksNow) {
        return null;
      }
      AlertType type = rules.isEmpty() ? AlertType.BREAKING_STORY : AlertType.RULE_MATCH;
      return new Change(new StoryAlertState(type + ":" + story.id(), type, 1, rules, story.sources(), breaksNow,
          List.of(cited(article))), null);
    }
    List<String> what = new ArrayList<>();
    if (!newRules.isEmpty()) {
      what.add("now also matches " + String.join(", ", newRules));
    }
    boolean breakingNow = breaksNow && !previous.breaking();
    if (breakingNow) {
      what.add("now breaking: " + story.sourcesWithin(breaking.within().toMillis()) + " sources within "
          + Durations.format(breaking.within()));
    }
    if (story.sources() >= 2 * previous.sentSources()) {
      what.add("carried by " + story.sources() + " sources now, " + previous.sentSources() + " at the last update");
    }
    if (what.isEmpty()) {
      return null;
    }
    List<ArticleRef> cited = new ArrayList<>(previous.cited());
    if (!newRules.isEmpty() && cited.size() < CITED && cited.stream().noneMatch(c -> c.id().equals(article.article().id()))) {
      cited.add(cited(article));
    }
    return new Change(new StoryAlertState(previous.key(), previous.type(), previous.revision() + 1, rules,
        story.sources(), previous.breaking() || breakingNow, cited), String.join("; ", what));
  }

  /** The most severe rule's severity (MEDIUM for a story that only breaks), one step up while it breaks. */
  Severity severity() {
    Severity base = rules.isEmpty() ? Severity.MEDIUM : rules.get(0).severity();
    return breaking && base != Severity.CRITICAL ? Severity.values()[base.ordinal() + 1] : base;
  }

  private static ArticleRef cited(EnrichedArticle enriched) {
    var article = enriched.article();
    String snippet = enriched.rules().isEmpty() ? (enriched.sentences().isEmpty() ? null : enriched.sentences().get(0))
        : enriched.rules().get(0).snippet();
    return new ArticleRef(article.id(), article.title(), article.url(), article.source(), article.bloc(),
        article.published(), snippet);
  }
}
