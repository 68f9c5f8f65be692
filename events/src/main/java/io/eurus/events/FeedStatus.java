package io.eurus.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;

/**
 * The health of one feed after a poll, on {@code feed-status} keyed by feed id (compacted: the latest
 * status per feed is what the dashboard's feed table shows).
 *
 * @param lastErrorReason one line naming why the last poll failed, null when it did not
 * @param malformed       the last body needed repairs (e.g. an unescaped {@code &}) before it parsed
 * @param recovered       what was repaired, one line, null when nothing was
 */
@RecordBuilder
public record FeedStatus(
    int schemaVersion,
    String feedId,
    String url,
    String bloc,
    Instant checkedAt,
    Instant lastSuccess,
    Instant lastError,
    String lastErrorReason,
    int consecutiveFailures,
    int itemsInLastPoll,
    double itemsPerDay,
    Double averageItemIntervalSeconds,
    Instant newestItem,
    boolean malformed,
    String recovered) implements FeedStatusBuilder.With {

  public static final int SCHEMA_VERSION = 1;

  /** A builder for the current schema version; unset fields are null, false or 0, unset lists empty. */
  public static FeedStatusBuilder builder() {
    return FeedStatusBuilder.builder().schemaVersion(SCHEMA_VERSION);
  }
}
