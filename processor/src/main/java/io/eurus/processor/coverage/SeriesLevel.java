package io.eurus.processor.coverage;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** How finely a series cuts coverage: by source bloc and language, by bloc, all sources, or one side. */
public enum SeriesLevel {
  /** e.g. {@code eu-russia/russia-state/ru}: one bloc in one language, the finest series. */
  BLOC_LANGUAGE("bloc-language"),
  /** e.g. {@code eu-russia/russia-state}: one bloc in every language, what the dashboard charts per bloc. */
  BLOC("bloc"),
  /** {@code eu-russia/all}: every source. */
  ALL("all"),
  /** e.g. {@code eu-russia/side/eu}: the blocs of one side of the relationship; internal to TONE_DIVERGENCE. */
  SIDE("side");

  private final String label;

  SeriesLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the level's windows go to {@code tone.windows}; side series only feed the divergence detector. */
  public boolean published() {
    return this != SIDE;
  }

  public static SeriesLevel ofLabel(String label) {
    return Arrays.stream(values()).filter(level -> level.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no series level " + label));
  }

  /** The labels a desk may choose to alert on. */
  public static Set<String> alertableLabels() {
    return Arrays.stream(values()).filter(SeriesLevel::published).map(SeriesLevel::label)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
