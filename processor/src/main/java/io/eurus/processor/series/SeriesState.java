package io.eurus.processor.series;

import io.eurus.processor.coverage.Series;
import io.eurus.processor.detect.TermBaseline;
import io.eurus.processor.detect.ToneShiftDetector;
import io.eurus.processor.detect.VolumeSpikeDetector;

/**
 * Everything a series remembers between windows, in the {@code series-state} store: the detectors' baselines and
 * open alerts, the usual terms, and when it last had an article (a series silent for a whole baseline is
 * forgotten). Constant size per series.
 *
 * @param lastArticle end of the last window with an article, epoch ms
 */
public record SeriesState(Series series, long lastArticle, ToneShiftDetector.State tone, VolumeSpikeDetector.State volume,
    TermBaseline terms) {
}
