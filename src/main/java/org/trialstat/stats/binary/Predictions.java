package org.trialstat.stats.binary;

import java.util.Arrays;

/**
 * The counterfactual predictions of a fitted logistic regression that {@link MarginalStandardization}
 * averages, and the three covariance matrices of the standardized risks (mu1, mu0) built from them
 * (formulas in {@link MarginalStandardization}). Immutable once built (by {@link #of}; the arrays are
 * not shared).
 *
 * @param x      the design rows the model kept
 * @param y      the outcomes, 0 or 1
 * @param arm    the design column of the treatment indicator
 * @param p1     each row's fitted probability with the indicator set to 1
 * @param p0     each row's fitted probability with the indicator set to 0
 * @param fitted each row's fitted probability as observed
 * @param g1     the gradient of mu1 in the coefficients
 * @param g0     the gradient of mu0 in the coefficients
 * @param mu1    the standardized risk under treatment, the mean of p1
 * @param mu0    the standardized risk under control, the mean of p0
 */
record Predictions(double[][] x, int[] y, int arm, double[] p1, double[] p0, double[] fitted, double[] g1,
    double[] g0, double mu1, double mu0) {

  static Predictions of(LogisticRegression fit, int arm) {
    double[][] x = fit.keptRows();
    double[] beta = fit.keptCoefficients();
    double[] fitted = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      fitted[i] = LogisticNewton.expit(LogisticNewton.dot(x[i], beta));
    }
    double[] g1 = new double[beta.length];
    double[] g0 = new double[beta.length];
    double[] p1 = counterfactual(x, beta, arm, 1, g1);
    double[] p0 = counterfactual(x, beta, arm, 0, g0);
    return new Predictions(x, fit.outcomes(), arm, p1, p0, fitted, g1, g0, mean(p1), mean(p0));
  }

  /**
   * Each row's fitted probability {@code p_i} with the treatment indicator set to {@code value}; adds
   * the gradient of their mean in the coefficients, {@code sum p_i (1 - p_i) x_i / n}, to {@code g}.
   */
  private static double[] counterfactual(double[][] x, double[] beta, int arm, double value, double[] g) {
    int n = x.length;
    double[] p = new double[n];
    double[] row = new double[beta.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, row, 0, row.length);
      row[arm] = value;
      p[i] = LogisticNewton.expit(LogisticNewton.dot(row, beta));
      accumulate(g, row, p[i] * (1 - p[i]) / n);
    }
    return p;
  }

  private static void accumulate(double[] g, double[] row, double w) {
    for (int j = 0; j < g.length; j++) {
      g[j] += w * row[j];
    }
  }

  /** {@code [g1 g0]' V [g1 g0]}: the delta-method covariance of (mu1, mu0) for a coefficient covariance V. */
  double[][] delta(double[][] v) {
    double[][] s = new double[2][2];
    double[][] g = {g1, g0};
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        double sum = 0;
        for (int j = 0; j < v.length; j++) {
          for (int k = 0; k < v.length; k++) {
            sum += g[a][j] * v[j][k] * g[b][k];
          }
        }
        s[a][b] = sum;
      }
    }
    return s;
  }

  /** The sandwich {@code V M V} with {@code M = sum (y - p)^2 x x'} (HC0). */
  double[][] sandwich(double[][] v) {
    int q = v.length;
    double[][] meat = new double[q][q];
    for (int i = 0; i < x.length; i++) {
      double r = y[i] - fitted[i];
      for (int j = 0; j < q; j++) {
        for (int k = 0; k < q; k++) {
          meat[j][k] += r * r * x[i][j] * x[i][k];
        }
      }
    }
    return product(product(v, meat), v);
  }

  private static double[][] product(double[][] a, double[][] b) {
    int q = a.length;
    double[][] c = new double[q][q];
    for (int i = 0; i < q; i++) {
      for (int k = 0; k < q; k++) {
        for (int j = 0; j < q; j++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  /** The Ye et al. (2023) covariance of (mu1, mu0). */
  double[][] robust() {
    int n = x.length;
    boolean[] t = new boolean[n];
    boolean[] c = new boolean[n];
    int nT = 0;
    for (int i = 0; i < n; i++) {
      t[i] = x[i][arm] == 1;
      c[i] = !t[i];
      nT += t[i] ? 1 : 0;
    }
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    double[] yd = Arrays.stream(y).asDoubleStream().toArray();
    double[] r1 = residuals(p1);
    double[] r0 = residuals(p0);
    double pi1 = (double) nT / n;
    double pi0 = (double) (n - nT) / n;
    double s11 = cov(r1, r1, t) / pi1 + 2 * cov(yd, p1, t) - cov(p1, p1, all);
    double s00 = cov(r0, r0, c) / pi0 + 2 * cov(yd, p0, c) - cov(p0, p0, all);
    double s10 = cov(yd, p0, t) + cov(yd, p1, c) - cov(p1, p0, all);
    return new double[][] {{s11 / n, s10 / n}, {s10 / n, s00 / n}};
  }

  /** {@code y - p}, row by row. */
  private double[] residuals(double[] p) {
    double[] r = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      r[i] = y[i] - p[i];
    }
    return r;
  }

  /** Sample covariance (denominator m - 1) of a and b over the rows in {@code in}, two-pass. */
  private static double cov(double[] a, double[] b, boolean[] in) {
    int m = 0;
    double sa = 0;
    double sb = 0;
    for (int i = 0; i < a.length; i++) {
      if (in[i]) {
        m++;
        sa += a[i];
        sb += b[i];
      }
    }
    double ma = sa / m;
    double mb = sb / m;
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (in[i]) {
        s += (a[i] - ma) * (b[i] - mb);
      }
    }
    return s / (m - 1);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }
}
