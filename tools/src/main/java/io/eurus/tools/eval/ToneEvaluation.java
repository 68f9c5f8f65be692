package io.eurus.tools.eval;

import io.eurus.processor.tone.ToneEstimate;
import io.eurus.processor.tone.ToneModel;
import io.eurus.processor.tone.ToneModels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * The relations tone on every test split of {@link ToneData}, side by side in one run: today's lexicon, plain
 * VADER (English), and the trained model, each with the dataset authors' published figure where one exists.
 * A score becomes a class at ±{@value Evaluation#NEUTRAL_BAND} for the lexicon and VADER, and is the most likely
 * class for the model. Measures: accuracy and macro-F1 over the three classes; on RuSentNE-2023 also F1_PN (its
 * authors' measure), on UNSCon accuracy and F1 of "conflict" against "not conflict".
 */
public final class ToneEvaluation {

  /** Published figures, by dataset and split: what the authors report on the same split, and how. */
  static final Map<String, String> PUBLISHED = Map.of(
      "newsmtsc/devtest_rw", "F1m 0.83 (GRU-TSC, targeted, fine-tuned RoBERTa; Hamborg & Donnay 2021)",
      "rusentne2023/validation", "F1_PN 0.66 (best system; Golubev et al. 2023)",
      "unscon/held-out", "Lexicoder on all sentences: acc 0.704, F1c 0.513 (Zaczynska et al. 2024)");

  /** One system on one test split. {@code special} is F1_PN (RuSentNE) or the conflict F1 (UNSCon), else NaN. */
  public record Row(String dataset, String split, String language, int items, String system, double accuracy,
      double macroF1, double special, String published) {
  }

  private final ToneModels models;
  private final ToDoubleBiFunction<String, String> lexicon;

  /** @param lexicon today's lexicon tone of a sentence in a language: (language, text) → tone */
  public ToneEvaluation(ToneModels models, ToDoubleBiFunction<String, String> lexicon) {
    this.models = models;
    this.lexicon = lexicon;
  }

  public List<Row> run(List<LabelledSentence> all) {
    Map<String, List<LabelledSentence>> splits = new LinkedHashMap<>();
    for (LabelledSentence sentence : all) {
      if (!sentence.training()) {
        splits.computeIfAbsent(sentence.dataset() + "/" + sentence.split(), key -> new ArrayList<>()).add(sentence);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (List<LabelledSentence> split : splits.values()) {
      LabelledSentence first = split.get(0);
      String language = first.language();
      int[] gold = split.stream().mapToInt(LabelledSentence::label).toArray();
      rows.add(row(split, "lexicon", gold, classes(split, s -> lexicon.applyAsDouble(language, s.text()))));
      if (language.equals("en")) {
        rows.add(row(split, "vader", gold, classes(split, s -> Evaluation.plainVader(s.text()))));
      }
      ToneModel model = models.of(language);
      if (model != null) {
        List<ToneEstimate> estimates = model.estimate(split.stream().map(LabelledSentence::text).toList());
        rows.add(row(split, "model", gold, estimates.stream().mapToInt(ToneEstimate::label).toArray()));
      }
    }
    return rows;
  }

  /**
   * Whether "carries tone" finds the sentences that report cooperation or conflict (un_relevance_en, sentences
   * never trained on): accuracy, and precision/recall/F1 of "relevant". The lexicon and VADER carry tone beyond
   * ±{@value Evaluation#NEUTRAL_BAND}, the model when conflict or cooperation is its most likely class.
   */
  public List<RelevanceRow> relevance(List<LabelledSentence> sentences) {
    int[] gold = sentences.stream().mapToInt(LabelledSentence::label).toArray();
    List<RelevanceRow> rows = new ArrayList<>();
    rows.add(relevanceRow(sentences, "lexicon", gold, sentences.stream()
        .mapToInt(s -> Math.abs(lexicon.applyAsDouble("en", s.text())) > Evaluation.NEUTRAL_BAND ? 1 : 0).toArray()));
    rows.add(relevanceRow(sentences, "vader", gold, sentences.stream()
        .mapToInt(s -> Math.abs(Evaluation.plainVader(s.text())) > Evaluation.NEUTRAL_BAND ? 1 : 0).toArray()));
    ToneModel model = models.of("en");
    if (model != null) {
      List<ToneEstimate> estimates = model.estimate(sentences.stream().map(LabelledSentence::text).toList());
      rows.add(relevanceRow(sentences, "model", gold, estimates.stream().mapToInt(e -> e.hasTone() ? 1 : 0).toArray()));
    }
    return rows;
  }

  /** One system's finding of relevant sentences. */
  public record RelevanceRow(String dataset, int items, String system, double accuracy, Metrics.Prf relevant) {
  }

  private static RelevanceRow relevanceRow(List<LabelledSentence> sentences, String system, int[] gold, int[] predicted) {
    return new RelevanceRow(sentences.get(0).dataset(), gold.length, system, Metrics.accuracy(gold, predicted),
        Metrics.prf(gold, predicted, 1));
  }

  private static int[] classes(List<LabelledSentence> split, java.util.function.ToDoubleFunction<LabelledSentence> tone) {
    return split.stream().mapToInt(s -> Metrics.threeClass(tone.applyAsDouble(s), Evaluation.NEUTRAL_BAND)).toArray();
  }

  private static Row row(List<LabelledSentence> split, String system, int[] gold, int[] predicted) {
    LabelledSentence first = split.get(0);
    String key = first.dataset() + "/" + first.split();
    String published = PUBLISHED.getOrDefault(key, "-");
    if (first.dataset().equals("unscon")) {
      int[] goldConflict = new int[gold.length];
      int[] predictedConflict = new int[gold.length];
      for (int i = 0; i < gold.length; i++) {
        goldConflict[i] = gold[i] == -1 ? 1 : 0;
        predictedConflict[i] = predicted[i] == -1 ? 1 : 0;
      }
      return new Row(first.dataset(), first.split(), first.language(), gold.length, system,
          Metrics.accuracy(goldConflict, predictedConflict), Double.NaN, Metrics.prf(goldConflict, predictedConflict, 1).f1(),
          published);
    }
    double special = first.dataset().equals("rusentne2023") ? Metrics.polarF1(gold, predicted) : Double.NaN;
    return new Row(first.dataset(), first.split(), first.language(), gold.length, system, Metrics.accuracy(gold, predicted),
        Metrics.macroF1(gold, predicted), special, published);
  }
}
