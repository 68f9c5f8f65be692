package io.eurus.processor.detect;

import java.util.Arrays;

/**
 * A series' story and article counts of its last windows (a ring, newest last), so that a span of several windows
 * can be judged as a whole, and per span how much more its counts spread than a Poisson count of the same mean:
 * the dispersion {@code phi}, an exponentially weighted mean of {@code (count - usual)^2 / usual} (quasi-Poisson,
 * McCullagh &amp; Nelder). Spans overlap from window to window and news comes in clusters, so a span's counts spread
 * more than independent windows would; measuring the spread on the spans themselves accounts for both. Constant
 * size: the longest span's windows and one number per span.
 *
 * @param stories    stories per window, {@code next} is where the next window goes
 * @param articles   articles per window, alike
 * @param filled     windows held so far (at most the ring's length)
 * @param dispersion per span, {@code phi}; 1 (Poisson) until measured
 * @param measured   per span, how many times {@code phi} was measured
 */
public record RecentCounts(int[] stories, int[] articles, int next, int filled, double[] dispersion, int[] measured) {

  public static RecentCounts empty(int windows, int spans) {
    double[] dispersion = new double[spans];
    Arrays.fill(dispersion, 1);
    return new RecentCounts(new int[windows], new int[windows], 0, 0, dispersion, new int[spans]);
  }

  /** With one more window. */
  public RecentCounts with(int windowStories, int windowArticles) {
    int[] s = stories.clone();
    int[] a = articles.clone();
    s[next] = windowStories;
    a[next] = windowArticles;
    return new RecentCounts(s, a, (next + 1) % s.length, Math.min(filled + 1, s.length), dispersion, measured);
  }

  /** Stories in the last {@code windows} windows; -1 while fewer have been seen. */
  public int stories(int windows) {
    return sum(stories, windows);
  }

  public int articles(int windows) {
    return sum(articles, windows);
  }

  /** The spread of span {@code span}'s counts relative to a Poisson count's, at least 1. */
  public double phi(int span) {
    return Math.max(1, dispersion[span]);
  }

  /**
   * With span {@code span}'s dispersion measured once more on a count against its usual; the count is capped at
   * three standard deviations above the usual first, so a burst barely teaches the spread that it is normal.
   */
  public RecentCounts measured(int span, int count, double usual, double alpha) {
    double mean = Math.max(usual, 0.1);
    double capped = Math.min(count, mean + 3 * Math.sqrt(phi(span) * mean));
    double ratio = (capped - mean) * (capped - mean) / mean;
    double a = Math.max(alpha, 1.0 / (measured[span] + 1));
    double[] nextDispersion = dispersion.clone();
    int[] nextMeasured = measured.clone();
    nextDispersion[span] = measured[span] == 0 ? ratio : (1 - a) * dispersion[span] + a * ratio;
    nextMeasured[span]++;
    return new RecentCounts(stories, articles, next, filled, nextDispersion, nextMeasured);
  }

  private int sum(int[] counts, int windows) {
    if (windows > filled) {
      return -1;
    }
    int total = 0;
    for (int i = 1; i <= windows; i++) {
      total += counts[Math.floorMod(next - i, counts.length)];
    }
    return total;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecentCounts that && next == that.next && filled == that.filled
        && Arrays.equals(stories, that.stories) && Arrays.equals(articles, that.articles)
        && Arrays.equals(dispersion, that.dispersion) && Arrays.equals(measured, that.measured);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(stories) * 31 + next;
  }

  @Override
  public String toString() {
    return "RecentCounts" + Arrays.toString(stories) + " phi " + Arrays.toString(dispersion);
  }
}
