package io.eurus.events;

import java.util.List;

/**
 * The relations tone of one sentence of an enriched article, with the terms that made it.
 *
 * @param sentence index into the article's {@code sentences}
 * @param tone     in [-1, 1]: negative = conflict between the two sides, positive = cooperation
 * @param terms    the contributing terms and their weights after negation, reversal, modality and contrast
 */
public record SentenceTone(int sentence, double tone, List<TermWeight> terms) {

  public SentenceTone {
    terms = terms == null ? List.of() : List.copyOf(terms);
  }
}
