package io.eurus.processor.tone;

import java.util.Locale;

/**
 * The four quad classes of CAMEO (Conflict and Mediation Event Observations), by which the diplomatic lexicon is
 * organised; the class gives a term its sign. {@link #POLARITY} marks a general sentiment word's contribution.
 */
public enum CameoClass {
  VERBAL_COOPERATION(1),
  MATERIAL_COOPERATION(1),
  VERBAL_CONFLICT(-1),
  MATERIAL_CONFLICT(-1),
  POLARITY(1);

  private final int sign;

  CameoClass(int sign) {
    this.sign = sign;
  }

  public int sign() {
    return sign;
  }

  /** As written in the lexicon file and in explanations: {@code verbal-cooperation}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static CameoClass fromLabel(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
