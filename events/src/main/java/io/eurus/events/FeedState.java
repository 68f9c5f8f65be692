package io.eurus.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * What ingest remembers about one feed, on the compacted {@code ingest.state} topic keyed by feed id.
 * The topic has as many partitions as {@code feeds} and the same keys, so the ingest instance that owns a
 * feed's partition of {@code feeds} also owns its state; ingest writes it in the same Kafka transaction as
 * the articles it publishes, so "published" and "seen" can never disagree, across restarts too.
 *
 * @param etag              validator for conditional GET ({@code If-None-Match}), null when the server gave none
 * @param lastModified      validator for conditional GET ({@code If-Modified-Since}), as the server sent it
 * @param seen              the items already published, with the hash of their content and their revision
 * @param recentItems       published times of the newest items, newest first: the feed's usual rhythm
 * @param failingSince      start of the current run of failed polls, null while the feed is healthy
 * @param notBefore         the server asked us (Retry-After) not to poll before this instant
 * @param failingAlerted    the {@code failingSince} for which FEED_FAILING was already raised
 * @param silentAlerted     the newest item time for which FEED_SILENT was already raised
 */
@RecordBuilder
public record FeedState(
    int schemaVersion,
    String feedId,
    String etag,
    String lastModified,
    List<Seen> seen,
    List<Instant> recentItems,
    Instant lastSuccess,
    Instant lastError,
    String lastErrorReason,
    int consecutiveFailures,
    Instant failingSince,
    Instant notBefore,
    boolean malformed,
    String recovered,
    Instant failingAlerted,
    Instant silentAlerted) implements FeedStateBuilder.With {

  public static final int SCHEMA_VERSION = 1;

  /** A builder for the current schema version; unset fields are null, false or 0, unset lists empty. */
  public static FeedStateBuilder builder() {
    return FeedStateBuilder.builder().schemaVersion(SCHEMA_VERSION);
  }

  public FeedState {
    seen = seen == null ? List.of() : List.copyOf(seen);
    recentItems = recentItems == null ? List.of() : List.copyOf(recentItems);
  }

  /** A feed never polled yet. */
  public static FeedState initial(String feedId) {
    return FeedState.builder()
        .feedId(feedId)
        .seen(List.of())
        .recentItems(List.of())
        .consecutiveFailures(0)
        .malformed(false)
        .build();
  }

  /**
   * One published item.
   *
   * @param hash     of the fields whose change makes a new revision (title, summary, text)
   * @param lastSeen when the item was last in the feed: old entries are forgotten first
   */
  public record Seen(String id, String hash, int revision, Instant lastSeen) {
  }
}
