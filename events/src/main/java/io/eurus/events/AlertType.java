package io.eurus.events;

/** What kind of detection an alert reports. */
public enum AlertType {
  /** The articles of a story matched one or more of the desk's rules: one alert per story, updated as it grows. */
  RULE_MATCH,
  /** The tone of coverage moved away from its baseline. */
  TONE_SHIFT,
  /** The volume of relevant stories burst above its baseline. */
  VOLUME_SPIKE,
  /** The EU-side and Russia-side media moved apart in tone. */
  TONE_DIVERGENCE,
  /** A story about the relationship is picked up by sources fast: breaking news, updated while it grows. */
  BREAKING_STORY,
  /** A feed has been silent much longer than its usual interval. */
  FEED_SILENT,
  /** A feed has been failing for longer than a threshold. */
  FEED_FAILING,
  /**
   * The processor's rules file cannot be put in force (gone, broken, or without a rule); the previous rules stay.
   * The alert's next revision says when it is fixed.
   */
  RULES_PROBLEM
}
