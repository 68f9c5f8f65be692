package io.eurus.cli.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * The demo's compressed clock: from {@code started} (real time) it runs from {@code demoStart} at {@code speed}
 * demo seconds per real second until it has caught up with real time, then with it. It never runs ahead of real
 * time: an article's event time is never later than when it was fetched.
 *
 * @param started   when the demo began, in real time
 * @param demoStart the demo time at {@code started}, in the past
 * @param speed     demo seconds per real second while catching up
 */
public record DemoClock(Instant started, Instant demoStart, double speed) {

  /** A clock that starts {@code behind} in the past at {@code real}, on a whole hour, and catches up at {@code speed}. */
  public static DemoClock catchingUp(Instant real, Duration behind, double speed) {
    long hour = Duration.ofHours(1).toMillis();
    Instant start = Instant.ofEpochMilli(Math.floorDiv(real.minus(behind).toEpochMilli(), hour) * hour);
    return new DemoClock(real, start, speed);
  }

  /** The demo time at real time {@code real}. */
  public Instant at(Instant real) {
    if (real.isBefore(started)) {
      return demoStart;
    }
    long elapsed = Duration.between(started, real).toMillis();
    Instant demo = demoStart.plusMillis((long) (elapsed * speed));
    return demo.isAfter(real) ? real : demo;
  }

  /** The real time at which the demo clock shows {@code demo}: when an item dated then is released. */
  public Instant realAt(Instant demo) {
    if (!demo.isAfter(demoStart)) {
      return started;
    }
    Instant fast = started.plusMillis((long) Math.ceil(Duration.between(demoStart, demo).toMillis() / speed));
    return demo.isAfter(fast) ? demo : fast;
  }
}
