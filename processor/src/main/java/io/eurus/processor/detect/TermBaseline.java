package io.eurus.processor.detect;

import io.eurus.events.TermWeight;
import io.eurus.processor.coverage.TermStat;
import io.eurus.processor.coverage.WindowStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a series' tone terms usually look like: per term, its tone weight per story and the stories per window
 * that carry it, both exponentially weighted like the tone baseline. "The terms that moved most" in an alert are
 * measured against it. Bounded to the {@link #MAX_TERMS} most frequent terms.
 *
 * @param windows windows seen
 */
public record TermBaseline(int windows, Map<String, Rate> terms) {

  static final int MAX_TERMS = 256;
  /** Rates below this are forgotten. */
  private static final double NEGLIGIBLE = 1e-4;

  /**
   * @param weight tone weight per story of the series
   * @param rate   stories per window carrying the term
   */
  public record Rate(double weight, double rate) {
  }

  public static final TermBaseline EMPTY = new TermBaseline(0, Map.of());

  public TermBaseline {
    terms = terms == null ? Map.of() : new TreeMap<>(terms);
  }

  public TermBaseline update(WindowStats window, double alpha) {
    double a = Math.max(alpha, 1.0 / (windows + 1));
    Map<String, Rate> next = new TreeMap<>();
    for (String term : union(window)) {
      Rate old = terms.getOrDefault(term, new Rate(0, 0));
      TermStat now = window.terms().getOrDefault(term, new TermStat(0, 0));
      double weight = window.toned() == 0 ? old.weight() : (1 - a) * old.weight() + a * now.weight() / window.toned();
      double rate = (1 - a) * old.rate() + a * now.stories() / (double) window.windows();
      if (Math.abs(weight) >= NEGLIGIBLE || rate >= NEGLIGIBLE) {
        next.put(term, new Rate(weight, rate));
      }
    }
    if (next.size() > MAX_TERMS) {
      List<String> kept = next.entrySet().stream()
          .sorted(Comparator.comparingDouble((Map.Entry<String, Rate> e) -> -e.getValue().rate()).thenComparing(Map.Entry::getKey))
          .limit(MAX_TERMS).map(Map.Entry::getKey).toList();
      next.keySet().retainAll(kept);
    }
    return new TermBaseline(windows + 1, next);
  }

  /**
   * The terms of {@code stats} that moved most: by tone weight per story the way of {@code sign}, or, when
   * {@code sign} is 0, by how many more stories per window carry them. Largest move first.
   */
  public List<TermWeight> moved(WindowStats stats, double sign) {
    List<TermWeight> moved = new ArrayList<>();
    stats.terms().forEach((term, stat) -> {
      Rate usual = terms.getOrDefault(term, new Rate(0, 0));
      double change = sign == 0
          ? stat.stories() / (double) stats.windows() - usual.rate()
          : stat.weight() / Math.max(1, stats.toned()) - usual.weight();
      if (sign == 0 ? change > 0 : Math.signum(change) == Math.signum(sign)) {
        moved.add(new TermWeight(term, Math.round(change * 1000) / 1000.0));
      }
    });
    moved.sort(Comparator.comparingDouble((TermWeight t) -> -Math.abs(t.weight())).thenComparing(TermWeight::term));
    return moved;
  }

  private List<String> union(WindowStats window) {
    TreeMap<String, Boolean> all = new TreeMap<>();
    terms.keySet().forEach(term -> all.put(term, true));
    window.terms().keySet().forEach(term -> all.put(term, true));
    return new ArrayList<>(all.keySet());
  }
}
