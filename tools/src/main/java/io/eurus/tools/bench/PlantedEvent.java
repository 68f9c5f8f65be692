package io.eurus.tools.bench;

import java.time.Instant;
import java.util.Set;

/**
 * Something {@link CoverageGenerator} makes happen in its month, and the alerts that should say so.
 *
 * @param blocs     the source blocs it happens in; null: all of them
 * @param types     the alert types that should find it
 * @param direction the way the tone goes (NEGATIVE: towards conflict)
 */
record PlantedEvent(String name, Instant from, Instant to, Set<String> blocs, Set<String> types, String direction) {

  /** Whether {@code bloc} (null for a series over all sources, or for the sides' divergence) is where it happens. */
  boolean touches(String bloc) {
    return bloc == null || blocs == null || blocs.contains(bloc);
  }
}
