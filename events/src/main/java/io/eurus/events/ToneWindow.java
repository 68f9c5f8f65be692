package io.eurus.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;

/**
 * One time window of one series of coverage, on {@code tone.windows} keyed by {@code series@windowStart}:
 * what the dashboard charts (tone per source bloc with its baseline band, volume of relevant stories) and
 * what the detectors compare. Republished while the window is open; {@code closed} marks the last version.
 *
 * @param series        e.g. {@code eu-russia/russia-state/ru}, or {@code eu-russia/all} for all sources
 * @param bloc          the source bloc, null for all sources
 * @param language      ISO 639-1 code, null for all languages
 * @param articles      relevant articles in the window
 * @param stories       distinct stories among them (syndicated copies count once)
 * @param meanTone      mean relations tone in [-1, 1], each story weighted once; null when no article
 * @param toneVariance  variance of that tone; null when fewer than two stories
 * @param baselineMean  the detector's baseline for this window; null while it is still learning
 * @param baselineStdDev the baseline's standard deviation; null while it is still learning
 */
@RecordBuilder
public record ToneWindow(
    int schemaVersion,
    String series,
    String profile,
    String bloc,
    String language,
    Instant windowStart,
    Instant windowEnd,
    int articles,
    int stories,
    Double meanTone,
    Double toneVariance,
    Double baselineMean,
    Double baselineStdDev,
    boolean closed) implements ToneWindowBuilder.With {

  public static final int SCHEMA_VERSION = 1;

  /** A builder for the current schema version; unset fields are null, false or 0, unset lists empty. */
  public static ToneWindowBuilder builder() {
    return ToneWindowBuilder.builder().schemaVersion(SCHEMA_VERSION);
  }

  /** The record key: one per series and window. */
  public static String keyOf(String series, Instant windowStart) {
    return series + "@" + windowStart;
  }
}
