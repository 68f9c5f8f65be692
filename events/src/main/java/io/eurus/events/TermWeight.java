package io.eurus.events;

/**
 * A term and how much it contributed (a tone weight, or a change in frequency).
 *
 * @param category where the weight comes from, when known: for tone terms the CAMEO class of the diplomatic
 *                 lexicon ({@code verbal-cooperation}, {@code material-cooperation}, {@code verbal-conflict},
 *                 {@code material-conflict}) or {@code polarity} for a general sentiment word; null otherwise
 */
public record TermWeight(String term, double weight, String category) {

  public TermWeight(String term, double weight) {
    this(term, weight, null);
  }
}
