package io.eurus.events;

import java.time.Duration;

/**
 * One feed to poll, published on the compacted {@code feeds} topic keyed by {@link #id()} so that
 * ingest instances split the feeds between them through Kafka's own partition assignment.
 *
 * @param language     a hint (ISO 639-1) used when an item's own language cannot be detected
 * @param pollInterval how often to poll when the feed is healthy
 * @param fullText     whether to fetch the linked page for teaser feeds
 */
public record FeedDefinition(
    int schemaVersion,
    String id,
    String url,
    String name,
    String bloc,
    String language,
    Duration pollInterval,
    boolean fullText) {

  public static final int SCHEMA_VERSION = 1;
}
