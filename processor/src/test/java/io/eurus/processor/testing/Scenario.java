package io.eurus.processor.testing;

import io.eurus.events.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hours of coverage for topology tests: each hour, some distinct stories per source with a tone drawn around the
 * source's usual tone (seeded, so every run is the same coverage), published across the hour and arriving in
 * publication order.
 */
public final class Scenario {

  /** One source: its bloc and language, and how it usually writes about the relationship. */
  public record Source(String name, String bloc, String language, int storiesPerHour, double tone) {
  }

  private final List<EnrichedArticle> articles = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(2026);
  private int next;

  /** {@code hours} ordinary hours from {@code start}. */
  public Scenario ordinary(Instant start, int hours, Source... sources) {
    for (int hour = 0; hour < hours; hour++) {
      Instant from = start.plus(Duration.ofHours(hour));
      for (Source source : sources) {
        hour(from, source, source.storiesPerHour(), source.tone(), List.of());
      }
    }
    return this;
  }

  /**
   * One hour in which {@code source} writes {@code stories} stories around {@code tone}, each naming {@code terms};
   * with {@code copiedBy}, each story is also carried by those sources a few minutes later.
   */
  public Scenario hour(Instant from, Source source, int stories, double tone, List<String> terms, Source... copiedBy) {
    for (int i = 0; i < stories; i++) {
      long seed = next++;
      Instant published = from.plus(Duration.ofMinutes(i * 50L / Math.max(1, stories)));
      double value = Math.max(-1, Math.min(1, tone + random.nextGaussian() * 0.2));
      value = Math.round(value * 1000) / 1000.0;
      String id = String.format("a-%06d", seed);
      Coverage story = Coverage.story(id, seed).from(source.name(), source.bloc(), source.language()).at(published)
          .tone(value, terms.toArray(String[]::new));
      if (!terms.isEmpty()) {
        story.sentence("Officials said they would " + terms.get(0) + " the diplomats, sources told " + source.name() + ".");
      }
      articles.add(story.build());
      for (int c = 0; c < copiedBy.length; c++) {
        Source copier = copiedBy[c];
        Coverage copy = Coverage.story(id + "-" + c, seed).from(copier.name(), copier.bloc(), copier.language())
            .at(published.plus(Duration.ofMinutes(3 + c))).tone(value, terms.toArray(String[]::new));
        articles.add(copy.build());
      }
    }
    return this;
  }

  /** An article that only moves stream time on. */
  public Scenario tick(Instant at) {
    articles.add(Coverage.story(String.format("a-%06d", next++), next).from("Clock", "international", "en").at(at)
        .irrelevant().build());
    return this;
  }

  /** Everything so far, in order of event time (as it would arrive, give or take the grace). */
  public List<EnrichedArticle> articles() {
    List<EnrichedArticle> sorted = new ArrayList<>(articles);
    sorted.sort(java.util.Comparator.comparing((EnrichedArticle a) -> a.article().published()));
    return sorted;
  }
}
