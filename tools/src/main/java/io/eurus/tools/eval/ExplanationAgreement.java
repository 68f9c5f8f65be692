package io.eurus.tools.eval;

import io.eurus.events.TermWeight;
import io.eurus.processor.tone.Occlusion;
import io.eurus.processor.tone.ToneEstimate;
import io.eurus.processor.tone.ToneModel;
import io.eurus.processor.tone.ToneModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an explanation that leaves out only the {@link Occlusion#TRIED} words guessed to matter most names the
 * same words as one that leaves out every word. On test sentences of {@link ToneData} (none trained on) that the
 * model says carry tone, the only ones the processor explains: per language, the first {@code SENTENCES} in the
 * order of the CRC-32 of their text. For each number of words tried, against every word tried:
 * <ul>
 *   <li>top-1: the strongest term is the same;</li>
 *   <li>top-3 terms: the share of the reference's three strongest terms (words or phrases) that are among the
 *       three strongest of the other, averaged over the sentences;</li>
 *   <li>top-3 words: the same counted in words, so that "expelled" against the phrase "expelled three" counts;</li>
 *   <li>encodings per sentence, and milliseconds per explanation on one thread (a busy machine inflates them).</li>
 * </ul>
 * A last row puts the measures in proportion: the reference against itself on the same sentences with the full
 * stop at the end dropped (or added), a change that should not matter to what the sentence says.
 *
 * <p>Usage: {@code ExplanationAgreement DATA_DIR [SENTENCES [TRIED...]]} (defaults: 200 sentences; 4 6 8 10 12).
 */
public final class ExplanationAgreement {

  static final int TOP = 3;

  private ExplanationAgreement() {
  }

  /** A sentence of the sample and the model's estimate of it. */
  record Sampled(String text, ToneEstimate estimate) {
  }

  /** How one way of explaining did on the sample, against the reference. */
  record Tally(double sameFirst, double terms, double words, double encodings, double millis) {
  }

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int[] tried = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {4, 6, 8, 10, 12};
    List<LabelledSentence> labelled = ToneData.load(data);
    try (ToneModels models = ToneModels.load(null, List.of("en", "ru"), 0)) {
      for (ToneModel model : models.all()) {
        List<Sampled> sample = sample(model, labelled, size);
        System.out.printf(Locale.ROOT, "%s: %d test sentences with tone (%s), %d of them with more than %d words "
            + "to try%n", model.language(), sample.size(), splits(labelled, model.language()),
            sample.stream().filter(s -> Occlusion.candidates(s.text()) > Occlusion.TRIED).count(), Occlusion.TRIED);
        System.out.printf(Locale.ROOT, "%-26s %6s %12s %12s %19s %12s%n", "words tried", "top-1", "top-3 terms",
            "top-3 words", "encodings/sentence", "ms/sentence");
        List<List<TermWeight>> reference = new ArrayList<>();
        print("all", run(models, model, sample, Integer.MAX_VALUE, reference, null));
        for (int k : tried) {
          print(String.valueOf(k), run(models, model, sample, k, new ArrayList<>(), reference));
        }
        List<Sampled> stopToggled = sample.stream().map(s -> toggled(model, s.text())).toList();
        print("all, full stop toggled", run(models, model, stopToggled, Integer.MAX_VALUE, new ArrayList<>(), reference));
        System.out.println();
      }
    }
  }

  /** The first {@code size} distinct test sentences with tone, in the order of the CRC-32 of their text. */
  static List<Sampled> sample(ToneModel model, List<LabelledSentence> labelled, int size) {
    List<String> texts = new ArrayList<>(new LinkedHashSet<>(labelled.stream()
        .filter(s -> !s.training() && s.language().equals(model.language())).map(LabelledSentence::text).toList()));
    texts.sort(Comparator.comparingLong(ToneData::crc).thenComparing(Comparator.naturalOrder()));
    List<Sampled> sample = new ArrayList<>();
    for (int i = 0; i < texts.size() && sample.size() < size; i++) {
      ToneEstimate estimate = model.estimate(texts.get(i));
      if (estimate.hasTone() && Occlusion.candidates(texts.get(i)) >= 2) {
        sample.add(new Sampled(texts.get(i), estimate));
      }
    }
    return sample;
  }

  private static Sampled toggled(ToneModel model, String text) {
    String other = text.endsWith(".") ? text.substring(0, text.length() - 1) : text + ".";
    return new Sampled(other, model.estimate(other));
  }

  /** Explains every sentence; with a reference, says how far the explanations agree with it. */
  private static Tally run(ToneModels models, ToneModel model, List<Sampled> sample, int tried,
      List<List<TermWeight>> explanations, List<List<TermWeight>> reference) {
    long encodedBefore = models.encoded();
    long began = System.nanoTime();
    for (Sampled sentence : sample) {
      explanations.add(Occlusion.explain(model, sentence.text(), sentence.estimate(), TOP, tried));
    }
    double n = sample.size();
    double encodings = (models.encoded() - encodedBefore) / n;
    double millis = (System.nanoTime() - began) / 1e6 / n;
    if (reference == null) {
      return new Tally(1, 1, 1, encodings, millis);
    }
    double sameFirst = 0;
    double terms = 0;
    double words = 0;
    for (int i = 0; i < sample.size(); i++) {
      List<TermWeight> expected = reference.get(i);
      List<TermWeight> actual = explanations.get(i);
      if (expected.isEmpty()) {
        // Nothing to find: agreement when the other names nothing either.
        double same = actual.isEmpty() ? 1 : 0;
        sameFirst += same;
        terms += same;
        words += same;
        continue;
      }
      sameFirst += !actual.isEmpty() && expected.get(0).term().equals(actual.get(0).term()) ? 1 : 0;
      Set<String> found = new HashSet<>(actual.stream().map(TermWeight::term).toList());
      terms += expected.stream().filter(t -> found.contains(t.term())).count() / (double) expected.size();
      Set<String> expectedWords = words(expected);
      Set<String> actualWords = words(actual);
      words += expectedWords.stream().filter(actualWords::contains).count() / (double) expectedWords.size();
    }
    return new Tally(sameFirst / n, terms / n, words / n, encodings, millis);
  }

  private static Set<String> words(List<TermWeight> terms) {
    Set<String> words = new HashSet<>();
    for (TermWeight term : terms) {
      words.addAll(Arrays.asList(term.term().toLowerCase(Locale.ROOT).split("\\s+")));
    }
    return words;
  }

  private static void print(String label, Tally tally) {
    System.out.printf(Locale.ROOT, "%-26s %6.3f %12.3f %12.3f %19.1f %12.1f%n", label, tally.sameFirst(), tally.terms(),
        tally.words(), tally.encodings(), tally.millis());
  }

  private static String splits(List<LabelledSentence> labelled, String language) {
    return String.join(", ", new LinkedHashSet<>(labelled.stream()
        .filter(s -> !s.training() && s.language().equals(language)).map(s -> s.dataset() + "/" + s.split()).toList()));
  }
}
