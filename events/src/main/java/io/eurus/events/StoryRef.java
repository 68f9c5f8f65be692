package io.eurus.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A story (a cluster of near-duplicate articles) cited as evidence: how widely it is carried and who had it
 * first, so the desk can tell one wire story copied twenty times from twenty stories.
 *
 * @param id             the story id, as on the enriched articles of the story
 * @param firstSource    the source that published it first (by published time)
 * @param firstPublished when that was
 * @param articles       articles of the story seen so far
 * @param sources        distinct sources that carry it
 * @param blocs          the source blocs that carry it, in the order they picked it up
 * @param sourceNames    the sources that carry it, in the order they picked it up (the first few)
 * @param languages      the languages it is carried in, in the order they appeared
 * @param lastSeen       when its latest source picked it up: with firstPublished and sources, how fast it grows
 */
public record StoryRef(
    String id,
    String title,
    String url,
    String firstSource,
    Instant firstPublished,
    int articles,
    int sources,
    List<String> blocs,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> sourceNames,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> languages,
    Instant lastSeen) {

  public StoryRef {
    blocs = blocs == null ? List.of() : List.copyOf(blocs);
    sourceNames = sourceNames == null ? List.of() : List.copyOf(sourceNames);
    languages = languages == null ? List.of() : List.copyOf(languages);
  }

  /** The fields of schema version 1 as first published; sources' names, languages and growth left out. */
  public StoryRef(String id, String title, String url, String firstSource, Instant firstPublished, int articles,
      int sources, List<String> blocs) {
    this(id, title, url, firstSource, firstPublished, articles, sources, blocs, null, null, null);
  }
}
