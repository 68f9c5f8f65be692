package io.eurus.events;

import java.time.Instant;

/**
 * The desk acknowledged an alert, on {@code alerts.acks} keyed by the alert key (compacted: the latest
 * acknowledgement per alert is kept, so it survives restarts of the alerts service).
 *
 * @param alertId  the version the desk saw when it acknowledged ({@code key#revision}); a later revision
 *                 is shown as updated since the acknowledgement
 * @param revision that version's revision
 * @param by       who acknowledged, as the dashboard knows them (free text, may be null)
 */
public record AlertAck(int schemaVersion, String key, String alertId, int revision, String by, Instant at) {

  public static final int SCHEMA_VERSION = 1;
}
