package io.eurus.processor.coverage;

import java.util.List;

/** The two sides of the relationship for TONE_DIVERGENCE, each a name and its source blocs. */
public record Sides(String first, List<String> firstBlocs, String second, List<String> secondBlocs) {

  /** The side a bloc speaks for, or null when it speaks for neither (international, independent media). */
  public String sideOf(String bloc) {
    if (firstBlocs.contains(bloc)) {
      return first;
    }
    return secondBlocs.contains(bloc) ? second : null;
  }
}
