package io.eurus.processor.coverage;

import io.eurus.events.EnrichedArticle;
import io.eurus.events.TermWeight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one series saw in one window (or, merged, in a run of windows): relevant articles, stories (syndicated
 * copies once), the tone of each story summed for its mean and variance, the stories that pulled hardest either
 * way and the tone terms. Bounded whatever the volume: {@link #TOP} stories each way, {@link #MAX_TERMS} terms.
 *
 * @param start   first window's start, epoch ms
 * @param end     last window's end, epoch ms
 * @param windows windows merged into this one
 * @param toned   stories with a tone (all relevant stories have one)
 */
public record WindowStats(
    Series series,
    long start,
    long end,
    int windows,
    int articles,
    int stories,
    int toned,
    double toneSum,
    double toneSumSq,
    List<Contribution> negative,
    List<Contribution> positive,
    Map<String, TermStat> terms) {

  static final int TOP = 3;
  static final int MAX_TERMS = 64;

  public WindowStats {
    negative = negative == null ? List.of() : List.copyOf(negative);
    positive = positive == null ? List.of() : List.copyOf(positive);
    terms = terms == null ? Map.of() : new TreeMap<>(terms);
  }

  public static WindowStats empty(Series series, long start, long end) {
    return new WindowStats(series, start, end, 1, 0, 0, 0, 0, 0, List.of(), List.of(), Map.of());
  }

  /**
   * With one more relevant article; {@code newStory} when it is the first of its story in this series, else it
   * counts as an article only (a copy must not weigh twice in tone or volume).
   */
  public WindowStats with(EnrichedArticle article, boolean newStory) {
    if (!newStory) {
      return new WindowStats(series, start, end, windows, articles + 1, stories, toned, toneSum, toneSumSq, negative,
          positive, terms);
    }
    Double tone = article.tone();
    if (tone == null || tone.isNaN()) {
      return new WindowStats(series, start, end, windows, articles + 1, stories + 1, toned, toneSum, toneSumSq,
          negative, positive, terms);
    }
    List<Contribution> moreNegative = negative;
    List<Contribution> morePositive = positive;
    if (tone < 0) {
      moreNegative = top(negative, List.of(contribution(article, -1)), Contribution.MOST_NEGATIVE);
    } else if (tone > 0) {
      morePositive = top(positive, List.of(contribution(article, 1)), Contribution.MOST_POSITIVE);
    }
    Map<String, TermStat> moreTerms = new TreeMap<>(terms);
    Map<String, TermStat> own = new TreeMap<>();
    for (TermWeight term : article.toneTerms()) {
      if (term.term() != null && !term.term().isBlank()) {
        own.merge(term.term().toLowerCase(Locale.ROOT), new TermStat(0, term.weight()), TermStat::plus);
      }
    }
    own.forEach((term, stat) -> moreTerms.merge(term, new TermStat(1, stat.weight()), TermStat::plus));
    return new WindowStats(series, start, end, windows, articles + 1, stories + 1, toned + 1, toneSum + tone,
        toneSumSq + tone * tone, moreNegative, morePositive, capped(moreTerms));
  }

  /** This and {@code later} as one run of windows. */
  public WindowStats merge(WindowStats later) {
    Map<String, TermStat> merged = new TreeMap<>(terms);
    later.terms.forEach((term, stat) -> merged.merge(term, stat, TermStat::plus));
    return new WindowStats(series, Math.min(start, later.start), Math.max(end, later.end), windows + later.windows,
        articles + later.articles, stories + later.stories, toned + later.toned, toneSum + later.toneSum,
        toneSumSq + later.toneSumSq, top(negative, later.negative, Contribution.MOST_NEGATIVE),
        top(positive, later.positive, Contribution.MOST_POSITIVE), capped(merged));
  }

  /** Mean tone of the stories; null when none has a tone. */
  public Double meanTone() {
    return toned == 0 ? null : toneSum / toned;
  }

  /** Sample variance of the stories' tone; null below two stories. */
  public Double toneVariance() {
    if (toned < 2) {
      return null;
    }
    double mean = toneSum / toned;
    return Math.max(0, (toneSumSq - toned * mean * mean) / (toned - 1));
  }

  /** The stories that pulled furthest the way of {@code sign} (negative: towards conflict). */
  public List<Contribution> pulling(double sign) {
    return sign < 0 ? negative : positive;
  }

  private static Contribution contribution(EnrichedArticle enriched, double sign) {
    var article = enriched.article();
    return new Contribution(article.id(), enriched.storyId(), article.title(), article.url(), article.source(),
        article.bloc(), article.published(), Snippets.of(enriched, sign), enriched.tone());
  }

  private static List<Contribution> top(List<Contribution> a, List<Contribution> b, Comparator<Contribution> order) {
    if (b.isEmpty()) {
      return a;
    }
    List<Contribution> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    all.sort(order);
    return all.size() > TOP ? List.copyOf(all.subList(0, TOP)) : all;
  }

  /** Keeps the {@link #MAX_TERMS} terms of largest total weight; ties by name, so the cut is deterministic. */
  private static Map<String, TermStat> capped(Map<String, TermStat> terms) {
    if (terms.size() <= MAX_TERMS) {
      return terms;
    }
    Map<String, TermStat> kept = new TreeMap<>();
    terms.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, TermStat> e) -> -Math.abs(e.getValue().weight()))
            .thenComparing(Map.Entry::getKey))
        .limit(MAX_TERMS)
        .forEach(e -> kept.put(e.getKey(), e.getValue()));
    return kept;
  }
}
