package io.eurus.events;

import java.time.Instant;

/**
 * A record that could not be processed or delivered, with the reason, so it is kept rather than lost.
 *
 * @param topic  where the record came from
 * @param key    the original key as text
 * @param value  the original value as text (UTF-8, malformed bytes replaced)
 * @param reason one line naming why it failed
 * @param target what could not take it, e.g. a channel name; null for processing failures
 */
public record DeadLetter(
    int schemaVersion,
    String topic,
    int partition,
    long offset,
    String key,
    String value,
    String reason,
    String target,
    int attempts,
    Instant failedAt) {

  public static final int SCHEMA_VERSION = 1;
}
