package io.eurus.processor.detect;

import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import io.eurus.processor.coverage.Contribution;
import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.WindowStats;
import java.util.List;

/**
 * What a detector found in a window, before it is written up as an alert: the episode it belongs to, the
 * numbers behind it, and where the evidence comes from.
 *
 * @param series        the series named in the evidence, e.g. {@code eu-russia/russia-state}
 * @param subject       the same for people: "russia-state", "all sources", "the eu and russia sides"
 * @param bloc          the bloc the alert concerns; null for several
 * @param windowStart   start of the windows the numbers describe, epoch ms
 * @param windowEnd     their end, epoch ms
 * @param contributions the stories cited, most telling first
 * @param termSeries    whose term baseline the terms that moved are measured against
 * @param termStats     the terms of the windows described
 * @param termSign      which way terms must have moved to count (-1 towards conflict, 1 towards cooperation),
 *                      or 0 for terms that became more frequent
 * @param facts         the detector's own sentence of the summary, with its numbers
 */
public record Finding(
    AlertType type,
    Episode episode,
    Episode.Change change,
    Severity severity,
    String series,
    String subject,
    String bloc,
    long windowStart,
    long windowEnd,
    double baseline,
    double baselineStdDev,
    double current,
    double deviation,
    int articles,
    int stories,
    List<Contribution> contributions,
    Series termSeries,
    WindowStats termStats,
    double termSign,
    String facts) {
}
