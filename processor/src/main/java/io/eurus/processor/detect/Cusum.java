package io.eurus.processor.detect;

import io.eurus.events.Direction;
import io.eurus.processor.coverage.WindowStats;

/**
 * Page's two-sided CUSUM on standardised values (Page 1954; Montgomery, "Introduction to Statistical Quality
 * Control", 9.1): {@code up = max(0, up + z - k)} and {@code down = max(0, down - z - k)}; a side past {@code h}
 * signals a shift that way. Each step's z is clipped to {@code clip}, so one extreme window cannot signal alone
 * when {@code clip - k < h} (a robust CUSUM). Each side also keeps the windows since it last stood at zero:
 * the CUSUM's own estimate of when the shift began, and the evidence of what it is made of.
 *
 * @param upSince   windows since {@code up} left zero, merged; null while it is zero
 * @param downSince the same for {@code down}
 */
public record Cusum(double up, double down, WindowStats upSince, WindowStats downSince) {

  public static final Cusum ZERO = new Cusum(0, 0, null, null);

  public Cusum step(double z, WindowStats window, double k, double clip) {
    double clipped = Math.max(-clip, Math.min(clip, z));
    double nextUp = Math.max(0, up + clipped - k);
    double nextDown = Math.max(0, down - clipped - k);
    return new Cusum(nextUp, nextDown, since(upSince, nextUp, window), since(downSince, nextDown, window));
  }

  /** The side that passed {@code h}, the larger if both did; null when neither. */
  public Direction signal(double h) {
    if (up >= h || down >= h) {
      return up >= down ? Direction.POSITIVE : Direction.NEGATIVE;
    }
    return null;
  }

  /** The windows since the given side left zero. */
  public WindowStats since(Direction direction) {
    return direction == Direction.POSITIVE ? upSince : downSince;
  }

  private static WindowStats since(WindowStats run, double next, WindowStats window) {
    if (next <= 0) {
      return null;
    }
    return run == null ? window : run.merge(window);
  }
}
