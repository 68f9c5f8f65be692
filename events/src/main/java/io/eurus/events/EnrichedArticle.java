package io.eurus.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * An article with what the processor found in it, on {@code articles.enriched} keyed by article id.
 *
 * @param relevant whether the article is about the watched relationship
 * @param actors   the actors of the watch profile found in it
 * @param rules    the desk's rules it matched, each with its snippet
 * @param tone     relations tone in [-1, 1]: negative = conflict between the two sides, positive =
 *                 cooperation; null when the article is not about the relationship
 * @param polarity generic sentiment polarity in [-1, 1], reported separately from the tone
 * @param toneTerms the terms that made the tone, with their weights: why the score is what it is
 * @param sentences the sentences that are about the relationship
 * @param storyId  the story (cluster of near-duplicate articles) the article belongs to; null when it is not
 *                 clustered: neither about the relationship nor matching a rule
 * @param profile  the watch profile the relevance and tone refer to, e.g. {@code eu-russia}
 * @param sentenceTones the tone of each qualifying sentence that carries tone, with the words that made it
 * @param toneSource what the tone comes from: the language's model ({@code model:en:bge-small-en-v1.5-q}), or
 *                   {@code lexicon} for a language without one; null when the article is not about the
 *                   relationship (and in messages written before it was added)
 */
@RecordBuilder
public record EnrichedArticle(
    int schemaVersion,
    Article article,
    boolean relevant,
    List<String> actors,
    List<RuleMatch> rules,
    Double tone,
    Double polarity,
    List<TermWeight> toneTerms,
    List<String> sentences,
    String storyId,
    String profile,
    List<SentenceTone> sentenceTones,
    String toneSource) implements EnrichedArticleBuilder.With {

  public static final int SCHEMA_VERSION = 1;

  /** A builder for the current schema version; unset fields are null, false or 0, unset lists empty. */
  public static EnrichedArticleBuilder builder() {
    return EnrichedArticleBuilder.builder().schemaVersion(SCHEMA_VERSION);
  }

  public EnrichedArticle {
    actors = actors == null ? List.of() : List.copyOf(actors);
    rules = rules == null ? List.of() : List.copyOf(rules);
    toneTerms = toneTerms == null ? List.of() : List.copyOf(toneTerms);
    sentences = sentences == null ? List.of() : List.copyOf(sentences);
    sentenceTones = sentenceTones == null ? List.of() : List.copyOf(sentenceTones);
  }

  /** The fields of schema version 1 as first published; profile and sentence tones left out. */
  public EnrichedArticle(int schemaVersion, Article article, boolean relevant, List<String> actors, List<RuleMatch> rules,
      Double tone, Double polarity, List<TermWeight> toneTerms, List<String> sentences, String storyId) {
    this(schemaVersion, article, relevant, actors, rules, tone, polarity, toneTerms, sentences, storyId, null, null, null);
  }
}
