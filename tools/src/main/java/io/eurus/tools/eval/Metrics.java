package io.eurus.tools.eval;

/** The measures the evaluation reports: Pearson's r, and accuracy, precision, recall and F1 of class labels. */
public final class Metrics {

  private Metrics() {
  }

  public static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  /** Negative, neutral or positive: below {@code -band}, within, above {@code band}. */
  public static int threeClass(double score, double band) {
    return score > band ? 1 : score < -band ? -1 : 0;
  }

  public static double accuracy(int[] gold, int[] predicted) {
    int right = 0;
    for (int i = 0; i < gold.length; i++) {
      right += gold[i] == predicted[i] ? 1 : 0;
    }
    return (double) right / gold.length;
  }

  /** Unweighted mean of the F1 of classes -1, 0 and 1 (a class absent from both gold and prediction is skipped). */
  public static double macroF1(int[] gold, int[] predicted) {
    double sum = 0;
    int classes = 0;
    for (int label = -1; label <= 1; label++) {
      Prf prf = prf(gold, predicted, label);
      if (prf.support() > 0 || prf.predictedCount() > 0) {
        sum += prf.f1();
        classes++;
      }
    }
    return classes == 0 ? 0 : sum / classes;
  }

  /**
   * The mean F1 of the negative (-1) and positive (1) classes over three-class labels: RuSentNE-2023's measure
   * (F1_PN), where neutral counts only through the errors it causes.
   */
  public static double polarF1(int[] gold, int[] predicted) {
    return (prf(gold, predicted, -1).f1() + prf(gold, predicted, 1).f1()) / 2;
  }

  /** Precision, recall and F1 of one class. */
  public record Prf(double precision, double recall, double f1, int support, int predictedCount) {
  }

  public static Prf prf(int[] gold, int[] predicted, int label) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < gold.length; i++) {
      boolean g = gold[i] == label;
      boolean p = predicted[i] == label;
      tp += g && p ? 1 : 0;
      fp += !g && p ? 1 : 0;
      fn += g && !p ? 1 : 0;
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Prf(precision, recall, f1, tp + fn, tp + fp);
  }
}
