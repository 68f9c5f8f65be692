package io.eurus.events;

import java.time.Instant;

/**
 * The desk muted a story or a rule for a while, on {@code alerts.mutes} keyed by {@link #keyOf} (compacted: the
 * latest mute per story or rule is kept, so it survives restarts; a tombstone lifts it). While it lasts, the
 * channels do not deliver the alerts it covers, and the dashboard folds them away.
 *
 * @param kind   what is muted: a story, or a rule
 * @param target the story id, or the rule id
 * @param label  what the desk saw when it muted: the story's title or the rule's name
 * @param until  when the mute ends by itself
 * @param by     who muted it, as the dashboard knows them (free text, may be null)
 * @param at     when it was muted
 */
public record Mute(int schemaVersion, Kind kind, String target, String label, Instant until, String by, Instant at) {

  public static final int SCHEMA_VERSION = 1;

  /** What a mute covers. */
  public enum Kind {
    /** Every alert about one story (RULE_MATCH, BREAKING_STORY). */
    STORY,
    /** Every story alert whose rules are all muted. */
    RULE
  }

  /** The key of a mute on {@code alerts.mutes}: {@code story:s-3f1c…} or {@code rule:sanctions}. */
  public static String keyOf(Kind kind, String target) {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + target;
  }

  public String key() {
    return keyOf(kind, target);
  }

  /** Whether it is still in force at {@code now}. */
  public boolean activeAt(Instant now) {
    return until != null && now.isBefore(until);
  }

  /** Whether it covers {@code alert}: its story, or its rules when every one of them is muted by some mute. */
  public boolean covers(Alert alert) {
    return switch (kind) {
      case STORY -> target.equals(alert.storyId());
      case RULE -> alert.rules().stream().anyMatch(rule -> target.equals(rule.id()));
    };
  }
}
