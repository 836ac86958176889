package org.trialstat.stats.binary;

/**
 * The counterfactual predictions of a fitted logistic regression that {@link MarginalStandardization}
 * averages, and the three covariance matrices of the standardized risks (mu1, mu0) built from them
 * (formulas in {@link MarginalStandardization}). Immutable once built.
 */
final class Predictions {

  private final double[][] x;
  private final int[] y;
  private final int arm;
  private final double[] p1;
  private final double[] p0;
  private final double[] fitted;
  private final double[] g1;
  private final double[] g0;
  private final double mu1;
  private final double mu0;

  private Predictions(double[][] x, int[] y, int arm, double[] p1, double[] p0, double[] fitted, double[] g1,
      double[] g0, double mu1, double mu0) {
    this.x = x;
    this.y = y;
    this.arm = arm;
    this.p1 = p1;
    this.p0 = p0;
    this.fitted = fitted;
    this.g1 = g1;
    this.g0 = g0;
    this.mu1 = mu1;
    this.mu0 = mu0;
  }

  static Predictions of(LogisticRegression fit, int arm) {
    double[][] x = fit.keptRows();
    double[] beta = fit.keptCoefficients();
    int n = x.length;
    int q = beta.length;
    double[] p1 = new double[n];
    double[] p0 = new double[n];
    double[] fitted = new double[n];
    double[] g1 = new double[q];
    double[] g0 = new double[q];
    double[] row = new double[q];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, row, 0, q);
      fitted[i] = LogisticNewton.expit(LogisticNewton.dot(row, beta));
      row[arm] = 1;
      p1[i] = LogisticNewton.expit(LogisticNewton.dot(row, beta));
      accumulate(g1, row, p1[i] * (1 - p1[i]) / n);
      row[arm] = 0;
      p0[i] = LogisticNewton.expit(LogisticNewton.dot(row, beta));
      accumulate(g0, row, p0[i] * (1 - p0[i]) / n);
    }
    return new Predictions(x, fit.outcomes(), arm, p1, p0, fitted, g1, g0, mean(p1), mean(p0));
  }

  private static void accumulate(double[] g, double[] row, double w) {
    for (int j = 0; j < g.length; j++) {
      g[j] += w * row[j];
    }
  }

  double mu1() {
    return mu1;
  }

  double mu0() {
    return mu0;
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
    boolean[] all = new boolean[n];
    double[] yd = new double[n];
    double[] r1 = new double[n];
    double[] r0 = new double[n];
    int nT = 0;
    for (int i = 0; i < n; i++) {
      t[i] = x[i][arm] == 1;
      c[i] = !t[i];
      all[i] = true;
      nT += t[i] ? 1 : 0;
      yd[i] = y[i];
      r1[i] = y[i] - p1[i];
      r0[i] = y[i] - p0[i];
    }
    double pi1 = (double) nT / n;
    double pi0 = (double) (n - nT) / n;
    double s11 = cov(r1, r1, t) / pi1 + 2 * cov(yd, p1, t) - cov(p1, p1, all);
    double s00 = cov(r0, r0, c) / pi0 + 2 * cov(yd, p0, c) - cov(p0, p0, all);
    double s10 = cov(yd, p0, t) + cov(yd, p1, c) - cov(p1, p0, all);
    return new double[][] {{s11 / n, s10 / n}, {s10 / n, s00 / n}};
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
