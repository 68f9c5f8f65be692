package io.eurus.events;

import java.util.List;

/**
 * An article with what the processor found in it, on {@code articles.enriched} keyed by article id.
 *
 * @param relevant whether the article is about the watched relationship
 * @param actors   the actors of the watch profile found in it
 * @param rules    the desk's rules it matched, each with its snippet
 */
public record EnrichedArticle(
    int schemaVersion,
    Article article,
    boolean relevant,
    List<String> actors,
    List<RuleMatch> rules) {

  public static final int SCHEMA_VERSION = 1;

  public EnrichedArticle {
    actors = actors == null ? List.of() : List.copyOf(actors);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }
}
