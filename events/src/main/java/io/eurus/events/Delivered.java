package io.eurus.events;

import java.time.Instant;

/**
 * A channel took an alert, on {@code alerts.delivered} keyed by the alert key: the receipt that lets
 * {@code eurus alerts redrive} skip a dead letter the channel took after all (a later attempt, a restart, an
 * earlier redrive), so a redriven alert arrives once.
 *
 * @param channel  the channel's name in the routing
 * @param alertId  the version delivered ({@code key#revision}), the idempotency key the channel sent
 * @param redriven true when {@code eurus alerts redrive} delivered it from {@code alerts.dlq}
 */
public record Delivered(int schemaVersion, String channel, String alertId, String key, int revision, Instant at, boolean redriven) {

  public static final int SCHEMA_VERSION = 1;
}
