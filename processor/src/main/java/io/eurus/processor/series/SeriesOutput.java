package io.eurus.processor.series;

import io.eurus.events.Alert;
import io.eurus.events.ToneWindow;

/** What the series step emits: a window for {@code tone.windows}, or an alert for {@code alerts}. */
sealed interface SeriesOutput {

  record Window(ToneWindow window) implements SeriesOutput {
  }

  record Raised(Alert alert) implements SeriesOutput {
  }
}
