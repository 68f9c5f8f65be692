package io.eurus.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * The numbers behind a series alert, so the desk can read the reason in one glance. Every field is
 * optional: a rule match carries none, a volume spike has no tone.
 *
 * @param series     which series fired, e.g. {@code eu-russia/russia-state/ru}
 * @param deviations how far {@code current} is from {@code baseline}, in baseline standard deviations
 * @param terms      the terms that moved most
 * @param stories    the stories behind the cited articles, in the same order: how many sources carry each
 *                   and which published it first
 */
@RecordBuilder
public record Evidence(
    String series,
    Instant windowStart,
    Instant windowEnd,
    Double baseline,
    Double baselineStdDev,
    Double current,
    Double deviations,
    Integer articleCount,
    Integer storyCount,
    List<TermWeight> terms,
    List<StoryRef> stories) implements EvidenceBuilder.With {

  /** A builder; unset fields are null, false or 0, unset lists empty. */
  public static EvidenceBuilder builder() {
    return EvidenceBuilder.builder();
  }

  public Evidence {
    terms = terms == null ? List.of() : List.copyOf(terms);
    stories = stories == null ? List.of() : List.copyOf(stories);
  }

  /** The fields of schema version 1 as first published; stories left out. */
  public Evidence(String series, Instant windowStart, Instant windowEnd, Double baseline, Double baselineStdDev,
      Double current, Double deviations, Integer articleCount, Integer storyCount, List<TermWeight> terms) {
    this(series, windowStart, windowEnd, baseline, baselineStdDev, current, deviations, articleCount, storyCount,
        terms, null);
  }
}
