package io.eurus.processor.tone;

import io.eurus.events.TermWeight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Why the model scored a sentence as it did: words are left out in turn and the sentence scored again; a word
 * matters as much as the score moves without it ({@code weight} = score with it − score without it, so a word
 * pulling towards conflict weighs negative). Neighbouring words that pull the same way are reported as one
 * phrase.
 *
 * <p>Each word left out costs an encoding of the sentence. So when a sentence has more than {@value #TRIED} words
 * to try, they are ranked first by a guess that costs one encoding ({@link ToneModel#guessedEffects}: the word's
 * own word pieces taken out of the encoder's pooled vector, and its hashed words out of the head's), and only the
 * {@value #TRIED} guessed to move the score most are left out and encoded, in one batched call; the others are
 * not named. For a head that reads only words the guess is the effect itself and costs nothing: every word is
 * tried.
 */
public final class Occlusion {

  /** Category of the terms it finds, in explanations. */
  public static final String CATEGORY = "model";
  /** Words beyond this many are not tried: a sentence this long is cut by the encoder anyway. */
  static final int MAX_WORDS = 60;
  /**
   * Words left out and encoded per explained sentence, at most (with the guess, {@value} + 1 encodings). Trying
   * every word took about 20 encodings of 2.6–4.6 ms per explained English sentence on test data, most of the
   * model's cost on live coverage; with eight, the terms named agree with trying every word about as well as
   * trying every word agrees with itself when the sentence's final full stop is dropped, and fewer begin to
   * miss more (BENCHMARKS.md, relations tone, "Speed and memory": {@code bench/tone-explanations}).
   */
  public static final int TRIED = 8;
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
    return explain(model, sentence, whole, limit, TRIED);
  }

  /**
   * The same, leaving out at most {@code tried} words, those guessed to matter most; {@link Integer#MAX_VALUE}
   * tries every word, the reference that {@link #TRIED} is measured against.
   */
  public static List<TermWeight> explain(ToneModel model, String sentence, ToneEstimate whole, int limit, int tried) {
    List<int[]> words = words(sentence);
    if (words.size() < 2) {
      return List.of();
    }
    List<String> masked = new ArrayList<>(words.size());
    for (int[] word : words) {
      masked.add((sentence.substring(0, word[0]) + sentence.substring(word[1])).replaceAll("\\s{2,}", " ").strip());
    }
    if (!model.encodes()) {
      // A head that reads only words: the guesses are the effects, and cost no encoding.
      return strongest(sentence, words, model.guessedEffects(sentence, words, masked), 0, limit);
    }
    List<Integer> chosen = IntStream.range(0, words.size()).boxed().toList();
    double[] guessed = words.size() > tried ? model.guessedEffects(sentence, words, masked) : null;
    if (guessed != null) {
      chosen = chosen.stream().sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(guessed[i])))
          .limit(tried).sorted().toList();
    }
    List<ToneEstimate> without = model.estimateUncached(chosen.stream().map(masked::get).toList());
    double[] effect = new double[words.size()];
    for (int k = 0; k < chosen.size(); k++) {
      effect[chosen.get(k)] = whole.score() - without.get(k).score();
    }
    // What all words move, against which a word's share is judged: the words not tried count with their guess.
    double untried = 0;
    for (int i = 0; guessed != null && i < guessed.length; i++) {
      untried += chosen.contains(i) ? 0 : Math.abs(guessed[i]);
    }
    return strongest(sentence, words, effect, untried, limit);
  }

  /** How many words of a sentence may be left out to explain it (function words are not; none beyond the 60th). */
  public static int candidates(String sentence) {
    return words(sentence).size();
  }

  /** Where the words that may be left out start and end. */
  private static List<int[]> words(String sentence) {
    List<int[]> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(sentence);
    while (matcher.find() && words.size() < MAX_WORDS) {
      if (!FUNCTION_WORDS.contains(matcher.group().toLowerCase(java.util.Locale.ROOT))) {
        words.add(new int[] {matcher.start(), matcher.end()});
      }
    }
    return words;
  }

  /** @param untried what the words not tried are guessed to move, together: counted in what all words move */
  private static List<TermWeight> strongest(String sentence, List<int[]> words, double[] effect, double untried,
      int limit) {
    double total = untried;
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
