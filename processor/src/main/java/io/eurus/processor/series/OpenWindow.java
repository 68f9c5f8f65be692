package io.eurus.processor.series;

import io.eurus.processor.coverage.WindowStats;
import io.eurus.processor.detect.ToneBaseline;

/**
 * A window still taking articles, in the {@code series-windows} store: its statistics so far, and the series'
 * tone baseline when it opened (null while the series is learning), which its updates on {@code tone.windows}
 * show as the band.
 */
public record OpenWindow(WindowStats stats, ToneBaseline baseline) {
}
