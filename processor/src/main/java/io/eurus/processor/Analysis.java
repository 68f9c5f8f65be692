package io.eurus.processor;

import io.eurus.events.RuleMatch;
import io.eurus.events.SentenceTone;
import io.eurus.events.TermWeight;
import java.util.List;

/**
 * What the processor finds in one text: the language it was read in, relevance and actors, the rules it
 * matched, the relations tone (null when not about the relationship) and the general polarity, the sentences
 * about the relationship and the tone of each, the terms that made the tone, and what the tone comes from (a
 * model such as {@code model:en:bge-small-en-v1.5-q}, or {@code lexicon}; null when not about the relationship).
 */
public record Analysis(
    String language,
    boolean relevant,
    List<String> actors,
    List<RuleMatch> rules,
    Double tone,
    double polarity,
    List<TermWeight> toneTerms,
    List<String> sentences,
    List<SentenceTone> sentenceTones,
    String toneSource) {
}
