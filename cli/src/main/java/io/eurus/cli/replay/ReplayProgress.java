package io.eurus.cli.replay;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a long replay tells the person waiting on stderr: every {@link #EVERY} how far it is, how fast it goes
 * and about how long is left; and at the end how long it took. A replay shorter than {@link #EVERY} prints the
 * last line only.
 */
public final class ReplayProgress {

  static final Duration EVERY = Duration.ofSeconds(5);

  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final long began;
  private long phaseBegan;
  private long lastReport;
  private int total;

  public ReplayProgress(PrintWriter err, LongSupplier nanoClock) {
    this.err = err;
    this.nanoClock = nanoClock;
    this.began = nanoClock.getAsLong();
    this.lastReport = began;
  }

  /** The articles are indexed and sorted; {@code total} are now replayed. */
  public void replaying(int total) {
    this.total = total;
    this.phaseBegan = nanoClock.getAsLong();
    this.lastReport = phaseBegan;
  }

  /** {@code done} of the articles have been replayed. */
  public void replayed(int done) {
    long now = nanoClock.getAsLong();
    if (now - lastReport < EVERY.toNanos() || done == 0) {
      return;
    }
    lastReport = now;
    double perSecond = done / seconds(now - phaseBegan);
    long left = Math.round((total - done) / perSecond);
    err.println(String.format(Locale.ROOT, "eurus replay: %,d of %,d articles (%d%%), %,.0f articles/s, about %s left",
        done, total, done * 100L / Math.max(1, total), perSecond, human(Duration.ofSeconds(left))));
    err.flush();
  }

  /** The last line: how many articles in how long, and what came of them. */
  public void finished(int articles, int alerts, long late, int bad) {
    long elapsed = nanoClock.getAsLong() - began;
    err.println(String.format(Locale.ROOT,
        "eurus replay: %,d articles in %s (%,.0f articles/s): %,d alerts, %,d late articles dropped, %,d bad lines",
        articles, human(Duration.ofNanos(elapsed)), articles / seconds(elapsed), alerts, late, bad));
    err.flush();
  }

  private static double seconds(long nanos) {
    return Math.max(1e-9, nanos / 1e9);
  }

  /** "2m05s", "48.2s". */
  static String human(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
    return seconds < 3600 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
        : String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
