package io.eurus.processor.tone;

/**
 * The model's reading of one sentence: how likely it states conflict, nothing of either, or cooperation between
 * the sides. {@link #score} folds them into the relations tone the series and detectors average.
 */
public record ToneEstimate(double conflict, double neutral, double cooperation) {

  /** P(cooperation) − P(conflict), in [-1, 1]: near 0 both for neutral sentences and for undecided ones. */
  public double score() {
    return cooperation - conflict;
  }

  /** -1 conflict, 0 neutral, 1 cooperation: the most likely class. */
  public int label() {
    if (neutral >= conflict && neutral >= cooperation) {
      return 0;
    }
    return cooperation > conflict ? 1 : -1;
  }

  /** Whether the sentence says something about the relations, conflict or cooperation, more than not. */
  public boolean hasTone() {
    return label() != 0;
  }
}
