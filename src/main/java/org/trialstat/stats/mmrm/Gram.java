package org.trialstat.stats.mmrm;

import org.trialstat.stats.linalg.Dense;

/**
 * A pattern's sufficient statistics ({@link SufficientStatistics}: for visits a &lt;= b, G_aa or
 * G_ab + G_ab', p x p each) with the nonzero entries of each kept apart, so that X' A X and X M X' add
 * only those: in an intercept, arm, visit and baseline design G_ab is nonzero in the few columns of the
 * two visits (about 25 of 400 entries). Where {@link ZeroSkip} does not allow leaving out the zero entries
 * (an accumulator holding -0.0, a coefficient that is infinite or NaN), every entry is added, as before.
 */
final class Gram {

  private final int m;
  /** {@code g[a * m + b]} for a &lt;= b. */
  private final double[][] g;
  /** The positions and values of the nonzero entries of each {@code g[a * m + b]}, ascending. */
  private final int[][] index;
  private final double[][] value;

  Gram(int m, double[][] g) {
    this.m = m;
    this.g = g;
    this.index = new int[g.length][];
    this.value = new double[g.length][];
    for (int k = 0; k < g.length; k++) {
      double[] gab = g[k];
      if (gab == null) {
        continue;
      }
      int c = 0;
      for (double v : gab) {
        if (v != 0) {
          c++;
        }
      }
      int[] idx = new int[c];
      double[] val = new double[c];
      c = 0;
      for (int t = 0; t < gab.length; t++) {
        if (gab[t] != 0) {
          idx[c] = t;
          val[c++] = gab[t];
        }
      }
      index[k] = idx;
      value[k] = val;
    }
  }

  /**
   * out += sum_i X_i' A X_i = sum_{a &lt;= b} A_ab G_ab for a symmetric m x m matrix A.
   *
   * @param negativeZero whether out may hold -0.0 ({@link ZeroSkip#hasNegativeZero})
   */
  void addXtAX(double[] a, double[] out, boolean negativeZero) {
    boolean sparse = !negativeZero;
    for (int r = 0; r < m; r++) {
      for (int c = r; c < m; c++) {
        double coef = a[r * m + c];
        if (coef == 0) {
          continue;
        }
        if (sparse && Double.isFinite(coef)) {
          int[] idx = index[r * m + c];
          double[] val = value[r * m + c];
          for (int u = 0; u < idx.length; u++) {
            out[idx[u]] += coef * val[u];
          }
        } else {
          double[] gab = g[r * m + c];
          for (int t = 0; t < gab.length; t++) {
            out[t] += coef * gab[t];
          }
        }
      }
    }
  }

  /** The m x m matrix sum_i X_i M X_i' for a symmetric p x p matrix M. */
  double[] xmx(double[] mm) {
    boolean sparse = ZeroSkip.allFinite(mm);
    double[] t = new double[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double s = 0;
        if (sparse) {
          int[] idx = index[a * m + b];
          double[] val = value[a * m + b];
          for (int u = 0; u < idx.length; u++) {
            s += mm[idx[u]] * val[u];
          }
        } else {
          s = Dense.dot(g[a * m + b], mm);
        }
        if (a != b) {
          s *= 0.5;
        }
        t[a * m + b] = s;
        t[b * m + a] = s;
      }
    }
    return t;
  }
}
