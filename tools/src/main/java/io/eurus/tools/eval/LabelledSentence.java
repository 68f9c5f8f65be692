package io.eurus.tools.eval;

/**
 * One human-labelled sentence, its label mapped to the relations tone's three classes.
 *
 * @param dataset the folder it comes from, e.g. {@code newsmtsc}
 * @param split   {@code train}, or the test split it belongs to (the authors' own, or a fixed held-out share)
 * @param label   -1 conflict, 0 neutral, 1 cooperation; {@link #NOT_CONFLICT} when the data only says "not conflict"
 */
public record LabelledSentence(String dataset, String language, String split, String text, int label) {

  /** UNSCon's sentences without conflict: neutral or cooperation, the data does not say which. */
  public static final int NOT_CONFLICT = 9;

  public static final String TRAIN = "train";

  public boolean training() {
    return TRAIN.equals(split);
  }

  /** The classes the label allows, as {@link SoftmaxRegression#bit} bits. */
  public int allowed() {
    return label == NOT_CONFLICT ? SoftmaxRegression.bit(0) | SoftmaxRegression.bit(1) : SoftmaxRegression.bit(label);
  }
}
