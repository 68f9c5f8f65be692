package io.eurus.tools.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eurus.platform.StartupException;
import io.eurus.processor.tone.SentenceEncoder;
import io.eurus.processor.tone.TextFeatures;
import io.eurus.processor.tone.ToneEstimate;
import io.eurus.processor.tone.ToneHead;
import io.eurus.processor.tone.ToneModels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds the shipped tone heads from {@code ../shared/data} ({@code eurus train-tone}). Per language:
 * <ol>
 *   <li>the training rows of {@link ToneData} (no sentence of any test split among them);</li>
 *   <li>a validation tenth carved from them (CRC-32 of the text 1 mod 10), on which the L2 penalty and whether
 *       to weigh the classes equally are chosen — the test splits are never looked at for that;</li>
 *   <li>the head refitted on all training rows with the chosen settings, its weights rounded as the file stores
 *       them, and written to {@code head-<language>.json}.</li>
 * </ol>
 * English heads read bge-small-en-v1.5 vectors and hashed words and word pairs; Russian ones hashed words, word
 * pairs and character n-grams (no multilingual encoder is available from the registries this project reaches).
 * Everything is deterministic: same data, same bytes.
 */
public final class ToneTraining {

  static final int BUCKETS = 1 << 16;
  static final double[] PENALTIES = {1e-5, 3e-5, 1e-4, 3e-4, 1e-3};

  /** How one language's head is built and chosen. */
  record Recipe(String language, boolean encoder, TextFeatures features, String selectedBy) {
  }

  static final List<Recipe> RECIPES = List.of(
      new Recipe("en", true, new TextFeatures(BUCKETS, false), "macro-F1 (3 classes)"),
      new Recipe("ru", false, new TextFeatures(BUCKETS, true), "macro-F1 of positive and negative"));

  /** One candidate setting and its validation figure. */
  record Candidate(double penalty, boolean balanced, double score) {
  }

  private final Path data;
  private final PrintStream out;
  private SentenceEncoder encoder;

  public ToneTraining(Path data, PrintStream out) {
    this.data = data;
    this.out = out;
  }

  /** Trains every language's head and writes it into {@code folder}; returns the heads as written. */
  public Map<String, ToneHead> run(Path folder) {
    List<LabelledSentence> all = ToneData.load(data);
    Map<String, ToneHead> heads = new LinkedHashMap<>();
    try {
      for (Recipe recipe : RECIPES) {
        ToneHead head = train(recipe, all.stream().filter(s -> s.language().equals(recipe.language()) && s.training()).toList());
        write(folder.resolve(ToneModels.fileName(recipe.language())), head);
        heads.put(recipe.language(), head);
      }
    } finally {
      if (encoder != null) {
        encoder.close();
      }
    }
    return heads;
  }

  ToneHead train(Recipe recipe, List<LabelledSentence> rows) {
    List<LabelledSentence> fit = rows.stream().filter(s -> !validation(s)).toList();
    List<LabelledSentence> validation = rows.stream().filter(ToneTraining::validation).toList();
    out.printf("%s: %d training rows (%d to fit, %d to validate)%n", recipe.language(), rows.size(), fit.size(), validation.size());
    Map<String, float[]> vectors = recipe.encoder() ? vectors(rows) : null;
    Candidate best = null;
    for (double penalty : PENALTIES) {
      for (boolean balanced : new boolean[] {false, true}) {
        ToneHead head = head(recipe, fit, vectors, penalty, balanced, null);
        double score = score(recipe, head, validation, vectors);
        out.printf("  penalty %.0e, %s classes: validation %s %.3f%n", penalty, balanced ? "balanced" : "natural",
            recipe.selectedBy(), score);
        if (best == null || score > best.score() + 1e-9) {
          best = new Candidate(penalty, balanced, score);
        }
      }
    }
    out.printf("  chosen: penalty %.0e, %s classes%n", best.penalty(), best.balanced() ? "balanced" : "natural");
    ObjectNode training = new ObjectMapper().createObjectNode();
    training.put("command", "eurus train-tone");
    training.put("penalty", best.penalty());
    training.put("balancedClasses", best.balanced());
    training.put("validation", Math.round(best.score() * 1000) / 1000.0);
    training.put("selectedBy", recipe.selectedBy());
    ObjectNode counts = training.putObject("rows");
    new TreeMap<>(rows.stream().collect(java.util.stream.Collectors.groupingBy(LabelledSentence::dataset,
        java.util.stream.Collectors.counting()))).forEach(counts::put);
    return head(recipe, rows, vectors, best.penalty(), best.balanced(), training).rounded();
  }

  /** The validation tenth of the training rows: chosen by the text, so a repeated sentence stays on one side. */
  static boolean validation(LabelledSentence sentence) {
    return ToneData.crc(sentence.text()) % 10 == 1;
  }

  private ToneHead head(Recipe recipe, List<LabelledSentence> rows, Map<String, float[]> vectors, double penalty,
      boolean balanced, ObjectNode training) {
    int n = rows.size();
    float[][] dense = vectors == null ? null : new float[n][];
    TextFeatures.Bag[] bags = new TextFeatures.Bag[n];
    int[] allowed = new int[n];
    double[] weights = new double[n];
    double[] classCount = new double[3];
    for (LabelledSentence row : rows) {
      if (row.label() != LabelledSentence.NOT_CONFLICT) {
        classCount[row.label() + 1]++;
      }
    }
    double labelled = classCount[0] + classCount[1] + classCount[2];
    for (int i = 0; i < n; i++) {
      LabelledSentence row = rows.get(i);
      if (dense != null) {
        dense[i] = vectors.get(row.text());
      }
      bags[i] = recipe.features().of(row.text());
      allowed[i] = row.allowed();
      weights[i] = balanced && row.label() != LabelledSentence.NOT_CONFLICT ? labelled / (3 * classCount[row.label() + 1]) : 1;
    }
    int dimension = vectors == null ? 0 : encoder.dimension();
    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(
        new SoftmaxRegression.Examples(dense, bags, allowed, weights, dimension, recipe.features().buckets()), penalty);
    return new ToneHead(recipe.language(), vectors == null ? null : encoder.name(), recipe.features(), fit.bias(),
        fit.dense(), fit.sparse(), training);
  }

  private double score(Recipe recipe, ToneHead head, List<LabelledSentence> rows, Map<String, float[]> vectors) {
    List<LabelledSentence> labelled = rows.stream().filter(r -> r.label() != LabelledSentence.NOT_CONFLICT).toList();
    int[] gold = labelled.stream().mapToInt(LabelledSentence::label).toArray();
    int[] predicted = labelled.stream().mapToInt(r -> head.estimate(vectors == null ? null : vectors.get(r.text()),
        recipe.features().of(r.text())).label()).toArray();
    return recipe.language().equals("en") ? Metrics.macroF1(gold, predicted) : Metrics.polarF1(gold, predicted);
  }

  /** Each distinct text encoded once, in first-seen order (so the batches, and the vectors, are always the same). */
  private Map<String, float[]> vectors(List<LabelledSentence> rows) {
    if (encoder == null) {
      encoder = SentenceEncoder.bgeSmall();
    }
    List<String> texts = rows.stream().map(LabelledSentence::text).distinct().toList();
    out.printf("  encoding %d sentences with %s…%n", texts.size(), encoder.name());
    long start = System.nanoTime();
    float[][] encoded = encoder.encode(texts);
    out.printf("  encoded in %.0f s (%d cut at %d word pieces)%n", (System.nanoTime() - start) / 1e9, encoder.truncated(),
        SentenceEncoder.MAX_TOKENS);
    Map<String, float[]> vectors = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      vectors.put(texts.get(i), encoded[i]);
    }
    return vectors;
  }

  private static void write(Path file, ToneHead head) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, head.toJson());
    } catch (IOException e) {
      throw new StartupException("cannot write the tone head " + file + ": " + e.getMessage(), e);
    }
  }

  /** Estimates of a head on labelled rows, vectors computed as needed: for the test figures. */
  static List<ToneEstimate> estimates(ToneHead head, SentenceEncoder encoder, List<String> texts) {
    float[][] vectors = head.encoder() == null ? null : encoder.encode(texts);
    List<ToneEstimate> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add(head.estimate(vectors == null ? null : vectors[i], head.features().of(texts.get(i))));
    }
    return out;
  }
}
