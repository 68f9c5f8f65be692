package io.eurus.tools.eval;

import io.eurus.processor.tone.TextFeatures;
import io.eurus.processor.tone.ToneHead;
import java.util.Arrays;

/**
 * Fits the tone head: a three-class logistic regression (softmax) with an L2 penalty, by full-batch L-BFGS with a
 * backtracking line search. Written here rather than taken from a library because it is small and must be
 * byte-for-byte reproducible: examples are visited in the given order, single-threaded, from zero weights, for a
 * fixed number of steps at most, so the same data always gives the same weights. Tribuo (Apache-2.0) would do
 * the same fit but brings a large dependency tree to the product for 150 lines; Smile is GPL.
 *
 * <p>An example may allow more than one class ({@code allowed} is a bit set over conflict, neutral,
 * cooperation): UNSCon marks sentences as conflict or "not conflict", and for the latter the loss is the
 * probability of neutral or cooperation together (the partial-label likelihood), so the fit learns what those
 * sentences are not without being told what they are.
 */
public final class SoftmaxRegression {

  static final int CLASSES = ToneHead.CLASSES;
  static final int MEMORY = 10;
  static final int MAX_ITERATIONS = 300;
  static final double TOLERANCE = 1e-6;

  /** The training set: vectors (null when none), hashed words, allowed classes and weight per example. */
  public record Examples(float[][] vectors, TextFeatures.Bag[] bags, int[] allowed, double[] weights, int dimension,
      int buckets) {
    int size() {
      return bags.length;
    }
  }

  /** Fitted weights: bias, weights on the vector, weights on the buckets. */
  public record Fit(float[] bias, float[][] dense, float[][] sparse, int iterations, double loss) {
  }

  private final Examples data;
  private final double lambda;
  private final int width;

  private SoftmaxRegression(Examples data, double lambda) {
    this.data = data;
    this.lambda = lambda;
    this.width = 1 + data.dimension() + data.buckets();
  }

  /** The class bit of label -1 (conflict), 0 (neutral) or 1 (cooperation). */
  public static int bit(int label) {
    return 1 << (label + 1);
  }

  public static Fit fit(Examples data, double lambda) {
    return new SoftmaxRegression(data, lambda).run();
  }

  private Fit run() {
    int n = CLASSES * width;
    double[] x = new double[n];
    double[] g = new double[n];
    double f = evaluate(x, g);
    double[][] s = new double[MEMORY][];
    double[][] y = new double[MEMORY][];
    double[] rho = new double[MEMORY];
    int stored = 0;
    int iteration = 0;
    for (; iteration < MAX_ITERATIONS; iteration++) {
      double[] direction = direction(g, s, y, rho, stored);
      double slope = dot(direction, g);
      if (slope >= 0) {
        direction = negated(g);
        slope = dot(direction, g);
      }
      double step = iteration == 0 ? 1 / Math.sqrt(dot(g, g)) : 1;
      double[] xNew = new double[n];
      double[] gNew = new double[n];
      double fNew;
      while (true) {
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * direction[i];
        }
        fNew = evaluate(xNew, gNew);
        if (fNew <= f + 1e-4 * step * slope || step < 1e-12) {
          break;
        }
        step *= 0.5;
      }
      double[] sk = new double[n];
      double[] yk = new double[n];
      for (int i = 0; i < n; i++) {
        sk[i] = xNew[i] - x[i];
        yk[i] = gNew[i] - g[i];
      }
      double sy = dot(sk, yk);
      if (sy > 1e-12) {
        int slot = stored < MEMORY ? stored++ : rotate(s, y, rho);
        s[slot] = sk;
        y[slot] = yk;
        rho[slot] = 1 / sy;
      }
      boolean converged = Math.abs(f - fNew) <= TOLERANCE * Math.max(1, Math.abs(f));
      x = xNew;
      g = gNew;
      f = fNew;
      if (converged) {
        break;
      }
    }
    return unpack(x, iteration, f);
  }

  private static int rotate(double[][] s, double[][] y, double[] rho) {
    System.arraycopy(s, 1, s, 0, MEMORY - 1);
    System.arraycopy(y, 1, y, 0, MEMORY - 1);
    System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
    return MEMORY - 1;
  }

  /** The L-BFGS two-loop recursion: an approximate Newton step from the last {@code stored} updates. */
  private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored) {
    double[] q = negated(g);
    double[] alpha = new double[stored];
    for (int k = stored - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], q);
      axpy(-alpha[k], y[k], q);
    }
    if (stored > 0) {
      double scale = dot(s[stored - 1], y[stored - 1]) / dot(y[stored - 1], y[stored - 1]);
      for (int i = 0; i < q.length; i++) {
        q[i] *= scale;
      }
    }
    for (int k = 0; k < stored; k++) {
      double beta = rho[k] * dot(y[k], q);
      axpy(alpha[k] - beta, s[k], q);
    }
    return q;
  }

  /** Mean weighted negative log-likelihood of the allowed classes plus the L2 penalty; its gradient into {@code g}. */
  private double evaluate(double[] x, double[] g) {
    Arrays.fill(g, 0);
    double loss = 0;
    double totalWeight = 0;
    for (double w : data.weights()) {
      totalWeight += w;
    }
    double[] p = new double[CLASSES];
    int dim = data.dimension();
    for (int i = 0; i < data.size(); i++) {
      float[] vector = data.vectors() == null ? null : data.vectors()[i];
      TextFeatures.Bag bag = data.bags()[i];
      for (int c = 0; c < CLASSES; c++) {
        int base = c * width;
        double z = x[base];
        if (vector != null) {
          for (int d = 0; d < dim; d++) {
            z += x[base + 1 + d] * vector[d];
          }
        }
        double sum = 0;
        for (int bucket : bag.buckets()) {
          sum += x[base + 1 + dim + bucket];
        }
        p[c] = z + sum * bag.value();
      }
      ToneHead.softmax(p);
      double allowedP = 0;
      for (int c = 0; c < CLASSES; c++) {
        if ((data.allowed()[i] & (1 << c)) != 0) {
          allowedP += p[c];
        }
      }
      double w = data.weights()[i] / totalWeight;
      loss -= w * Math.log(Math.max(allowedP, 1e-300));
      for (int c = 0; c < CLASSES; c++) {
        double target = (data.allowed()[i] & (1 << c)) != 0 ? p[c] / allowedP : 0;
        double delta = w * (p[c] - target);
        if (delta == 0) {
          continue;
        }
        int base = c * width;
        g[base] += delta;
        if (vector != null) {
          for (int d = 0; d < dim; d++) {
            g[base + 1 + d] += delta * vector[d];
          }
        }
        double scaled = delta * bag.value();
        for (int bucket : bag.buckets()) {
          g[base + 1 + dim + bucket] += scaled;
        }
      }
    }
    for (int c = 0; c < CLASSES; c++) {
      for (int j = 1; j < width; j++) {
        int at = c * width + j;
        loss += 0.5 * lambda * x[at] * x[at];
        g[at] += lambda * x[at];
      }
    }
    return loss;
  }

  private Fit unpack(double[] x, int iterations, double loss) {
    int dim = data.dimension();
    float[] bias = new float[CLASSES];
    float[][] dense = new float[CLASSES][dim];
    float[][] sparse = new float[CLASSES][data.buckets()];
    for (int c = 0; c < CLASSES; c++) {
      int base = c * width;
      bias[c] = (float) x[base];
      for (int d = 0; d < dim; d++) {
        dense[c][d] = (float) x[base + 1 + d];
      }
      for (int b = 0; b < data.buckets(); b++) {
        sparse[c][b] = (float) x[base + 1 + dim + b];
      }
    }
    return new Fit(bias, dense, sparse, iterations, loss);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double[] negated(double[] g) {
    double[] out = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      out[i] = -g[i];
    }
    return out;
  }
}
