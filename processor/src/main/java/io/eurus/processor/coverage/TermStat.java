package io.eurus.processor.coverage;

/**
 * A tone term's presence in a window: in how many stories it occurs and its summed tone weight.
 */
public record TermStat(int stories, double weight) {

  TermStat plus(TermStat other) {
    return new TermStat(stories + other.stories, weight + other.weight);
  }
}
