package io.eurus.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * A detection for the desk, on {@code alerts} keyed by {@link #key()}.
 *
 * @param id        unique per version of the alert ({@code key#revision}); channels send it as the
 *                  idempotency key, so a receiver can drop a repeat
 * @param key       what the alert is about, stable while it lasts: throttling, de-duplication and
 *                  updates of an ongoing alert group by it
 * @param revision  1 when the alert opens; an ongoing alert (e.g. a tone shift that lasts) is re-sent
 *                  with the next revision instead of opening a new one
 * @param at        the event time the alert refers to (not when it was computed)
 * @param created   when the alert was produced
 * @param bloc      the source bloc it concerns, null for all sources
 * @param direction for tone alerts, which way the tone moved
 * @param rule      for a rule match, the most severe of the rules matched
 * @param feedId    for feed health alerts, the feed
 * @param articles  the articles cited as evidence, most telling first
 * @param storyId   for an alert about one story (RULE_MATCH, BREAKING_STORY), the story: the desk mutes by it
 * @param rules     for a story, every rule its articles matched, most severe first; empty otherwise
 */
@RecordBuilder
public record Alert(
    int schemaVersion,
    String id,
    String key,
    int revision,
    AlertType type,
    Severity severity,
    String title,
    String summary,
    Instant at,
    Instant created,
    String bloc,
    Direction direction,
    RuleRef rule,
    String feedId,
    List<ArticleRef> articles,
    Evidence evidence,
    String storyId,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RuleRef> rules) implements AlertBuilder.With {

  public static final int SCHEMA_VERSION = 1;

  /** A builder for the current schema version; unset fields are null, false or 0, unset lists empty. */
  public static AlertBuilder builder() {
    return AlertBuilder.builder().schemaVersion(SCHEMA_VERSION);
  }

  public Alert {
    articles = articles == null ? List.of() : List.copyOf(articles);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** The id of one version of an alert: the alert key and its revision. */
  public static String idOf(String key, int revision) {
    return key + "#" + revision;
  }
}
