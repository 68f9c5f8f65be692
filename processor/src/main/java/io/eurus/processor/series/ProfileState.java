package io.eurus.processor.series;

import io.eurus.processor.detect.DivergenceDetector;

/**
 * The profile's clock and what compares series, in the {@code series-profile} store.
 *
 * @param streamTime  the latest event time seen, epoch ms
 * @param nextToClose start of the oldest window not yet closed; {@link Long#MIN_VALUE} before the first article
 */
public record ProfileState(long streamTime, long nextToClose, DivergenceDetector.State divergence) {

  static final ProfileState INITIAL = new ProfileState(Long.MIN_VALUE, Long.MIN_VALUE, DivergenceDetector.State.INITIAL);
}
