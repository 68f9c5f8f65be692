package io.eurus.events;

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
 */
public record StoryRef(
    String id,
    String title,
    String url,
    String firstSource,
    Instant firstPublished,
    int articles,
    int sources,
    List<String> blocs) {

  public StoryRef {
    blocs = blocs == null ? List.of() : List.copyOf(blocs);
  }
}
