package io.eurus.processor.tone;

import io.eurus.events.TermWeight;
import java.util.List;

/**
 * One sentence scored: its relations tone and its general polarity, each in [-1, 1], and the terms that made
 * the tone, strongest first.
 */
public record ScoredSentence(double tone, double polarity, List<TermWeight> terms) {

  public boolean hasTone() {
    return !terms.isEmpty();
  }
}
