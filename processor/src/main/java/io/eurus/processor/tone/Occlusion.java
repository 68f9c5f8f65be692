package io.eurus.processor.tone;

import io.eurus.events.TermWeight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the model scored a sentence as it did: each word is left out in turn and the sentence scored again; a word
 * matters as much as the score moves without it ({@code weight} = score with it − score without it, so a word
 * pulling towards conflict weighs negative). Neighbouring words that pull the same way are reported as one
 * phrase. All the masked variants of a sentence go to the encoder in one batched call; it is still about as
 * many encodings as the sentence has words, so it is done only for the sentences that moved an article most.
 */
public final class Occlusion {

  /** Category of the terms it finds, in explanations. */
  public static final String CATEGORY = "model";
  /** Words beyond this many are not tried: a sentence this long is cut by the encoder anyway. */
  static final int MAX_WORDS = 60;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  /**
   * Articles, conjunctions and the commonest prepositions: leaving one out moves the encoder's vector a little,
   * but naming "the" as a reason explains nothing, so they are not tried (negations are: "not", "no", "не").
   */
  private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("the", "a", "an", "and", "or", "of",
      "to", "in", "on", "at", "by", "for", "with", "as", "is", "was", "be", "that", "this", "it", "its", "и", "в", "во",
      "на", "с", "со", "по", "о", "об", "к", "у", "за", "из", "от", "а", "что", "это", "как");

  private Occlusion() {
  }

  /** The {@code limit} words or phrases that moved the sentence's score most, strongest first. */
  public static List<TermWeight> explain(ToneModel model, String sentence, ToneEstimate whole, int limit) {
    List<int[]> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(sentence);
    while (matcher.find() && words.size() < MAX_WORDS) {
      if (!FUNCTION_WORDS.contains(matcher.group().toLowerCase(java.util.Locale.ROOT))) {
        words.add(new int[] {matcher.start(), matcher.end()});
      }
    }
    if (words.size() < 2) {
      return List.of();
    }
    List<String> masked = new ArrayList<>(words.size());
    for (int[] word : words) {
      masked.add((sentence.substring(0, word[0]) + sentence.substring(word[1])).replaceAll("\\s{2,}", " ").strip());
    }
    List<ToneEstimate> without = model.estimateUncached(masked);
    double[] effect = new double[words.size()];
    for (int i = 0; i < effect.length; i++) {
      effect[i] = whole.score() - without.get(i).score();
    }
    return strongest(sentence, words, effect, limit);
  }

  private static List<TermWeight> strongest(String sentence, List<int[]> words, double[] effect, int limit) {
    double total = 0;
    for (double e : effect) {
      total += Math.abs(e);
    }
    // A word counts when it carries a fair share of what all words move; neighbours of the same sign join up.
    double floor = total / effect.length;
    List<TermWeight> terms = new ArrayList<>();
    int i = 0;
    while (i < effect.length) {
      if (Math.abs(effect[i]) < floor || effect[i] == 0) {
        i++;
        continue;
      }
      int j = i;
      double sum = effect[i];
      while (j + 1 < effect.length && Math.abs(effect[j + 1]) >= floor && Math.signum(effect[j + 1]) == Math.signum(effect[i])
          && onlySpaceBetween(sentence, words.get(j)[1], words.get(j + 1)[0])) {
        j++;
        sum += effect[j];
      }
      terms.add(new TermWeight(sentence.substring(words.get(i)[0], words.get(j)[1]), round(sum), CATEGORY));
      i = j + 1;
    }
    terms.sort(Comparator.comparingDouble((TermWeight t) -> -Math.abs(t.weight())));
    return terms.size() > limit ? List.copyOf(terms.subList(0, limit)) : terms;
  }

  private static boolean onlySpaceBetween(String sentence, int from, int to) {
    return sentence.substring(from, to).isBlank();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
