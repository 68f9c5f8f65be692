package io.eurus.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;

/**
 * One news item as ingest publishes it on {@code articles}, keyed by {@link #id()}.
 *
 * @param id        stable across polls and restarts: derived from the item's GUID when that is stable,
 *                  else from its canonical URL
 * @param revision  1 for the first version; an edited item (same id, changed title or text) is published
 *                  again with the next revision, so consumers see a new version of the same article
 * @param bloc      the source bloc of the feed, e.g. {@code eu-institutions}, {@code russia-state}
 * @param language  ISO 639-1 code ({@code en}, {@code ru}) or {@code und} when unknown
 * @param published when the source says it published the item (never later than {@link #fetched()})
 */
@RecordBuilder
public record Article(
    int schemaVersion,
    String id,
    int revision,
    String feedId,
    String source,
    String bloc,
    String url,
    String title,
    String summary,
    String text,
    String author,
    String language,
    Instant published,
    Instant fetched) implements ArticleBuilder.With {

  public static final int SCHEMA_VERSION = 1;

  /** A builder for the current schema version; unset fields are null, false or 0, unset lists empty. */
  public static ArticleBuilder builder() {
    return ArticleBuilder.builder().schemaVersion(SCHEMA_VERSION);
  }
}
