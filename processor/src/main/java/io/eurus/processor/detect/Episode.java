package io.eurus.processor.detect;

import io.eurus.events.Direction;
import io.eurus.events.Severity;
import io.eurus.processor.detect.DetectorConfig.Episodes;
import java.util.Objects;

/**
 * The life of one alert, the same for every detector: it opens when the detector fires, is re-sent with the
 * next revision when it deepens, and ends after enough calm windows (hysteresis: it opens on strong evidence and
 * closes only on sustained calm) or, when it lasts beyond the maximum, because the new level has become the
 * normal. Firing the same way again within the cool-down reopens it under the same key instead of opening a new
 * alert, so a flapping series gives one alert with revisions, not a storm.
 *
 * @param key           the alert key: every revision of this alert carries it
 * @param at            event time the alert refers to (the start of what it reports), epoch ms
 * @param opened        end of the window in which it (re)opened, epoch ms
 * @param calmWindows   consecutive calm windows so far
 * @param sentDeviation the deviation last sent to the desk
 * @param closed        end of the window in which it ended, epoch ms; meaningful when not open
 */
public record Episode(String key, int revision, Direction direction, long at, long opened, boolean open,
    int calmWindows, double sentDeviation, long closed) {

  /** What happened to an alert in a window; each is sent to the desk as the next revision. */
  public enum Change { OPENED, REOPENED, DEEPENED, ENDED, ADAPTED }

  /** An episode after a window, and what changed (null: nothing to tell the desk). */
  public record Step(Episode episode, Change change) {
  }

  /**
   * The detector fired: a new alert, or the previous one reopened when it fired the same way within the
   * cool-down.
   */
  public static Step fire(Episode previous, String key, Direction direction, long at, long windowEnd, double deviation,
      Episodes rules) {
    if (previous != null && !previous.open && Objects.equals(previous.direction, direction)
        && windowEnd - previous.closed <= rules.cooldown().toMillis()) {
      return new Step(new Episode(previous.key, previous.revision + 1, direction, previous.at, windowEnd, true, 0,
          deviation, 0), Change.REOPENED);
    }
    return new Step(new Episode(key, 1, direction, at, windowEnd, true, 0, deviation, 0), Change.OPENED);
  }

  /** One more window of an open alert: calm or not, and how far off it stands now. */
  public Step observe(long windowEnd, boolean calm, double deviation, Episodes rules) {
    int calmNow = calm ? calmWindows + 1 : 0;
    if (calmNow >= rules.endWindows()) {
      return new Step(closedAt(windowEnd, deviation), Change.ENDED);
    }
    if (windowEnd - opened >= rules.maxDuration().toMillis()) {
      return new Step(closedAt(windowEnd, deviation), Change.ADAPTED);
    }
    if (Math.abs(deviation) >= Math.abs(sentDeviation) + rules.updateStep()) {
      return new Step(new Episode(key, revision + 1, direction, at, opened, true, calmNow, deviation, 0), Change.DEEPENED);
    }
    return new Step(new Episode(key, revision, direction, at, opened, true, calmNow, sentDeviation, 0), null);
  }

  /** MEDIUM below {@code high} standard deviations, HIGH from there, CRITICAL from {@code critical}. */
  public static Severity severity(double deviation, Episodes rules) {
    double size = Math.abs(deviation);
    return size >= rules.critical() ? Severity.CRITICAL : size >= rules.high() ? Severity.HIGH : Severity.MEDIUM;
  }

  private Episode closedAt(long windowEnd, double deviation) {
    return new Episode(key, revision + 1, direction, at, opened, false, 0, deviation, windowEnd);
  }
}
