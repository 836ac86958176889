package org.trialstat.stats;

import java.util.Arrays;

/**
 * How {@link LinearModel#fit(double[][], double[])} computes a fit: it checks the input, factors X by
 * {@link PivotedQr}, solves for the coefficients, maps every result from the pivoted order back to the
 * design's columns (NaN for aliased ones) and marks an essentially perfect fit.
 *
 * <p>For accuracy with data far from 0 (NIST StRD SmLs04-09), when the design holds a constant column
 * that is not aliased (the intercept), y is first centred on its accurate mean and the mean is added
 * back to that column's coefficient; fitted values, residuals and every other number are unchanged in
 * exact arithmetic. RSS is the squared norm of the last n - rank components of {@code Q'y}, not a sum of
 * subtracted residuals.
 */
final class LeastSquaresFit {

  /** Relative residual variance below which a fit counts as exact (see {@link LinearModel#coefficientTest}). */
  static final double PERFECT_FIT = 1e-24;

  private LeastSquaresFit() {
  }

  /** As {@link LinearModel#fit(double[][], double[])}. */
  static LinearModel fit(double[][] design, double[] y) {
    int n = design.length;
    if (y.length != n) {
      throw new IllegalArgumentException("design has " + n + " rows but y has " + y.length + " values");
    }
    if (n == 0) {
      throw new IllegalArgumentException("no observations");
    }
    int p = design[0].length;
    if (p == 0) {
      throw new IllegalArgumentException("design has no columns");
    }
    // column-major working copy
    double[][] a = new double[p][n];
    for (int i = 0; i < n; i++) {
      if (design[i].length != p) {
        throw new IllegalArgumentException("row " + i + " has " + design[i].length + " values, expected " + p);
      }
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] is not finite: " + y[i]);
      }
      for (int j = 0; j < p; j++) {
        double v = design[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("design[" + i + "][" + j + "] is not finite: " + v);
        }
        a[j][i] = v;
      }
    }
    PivotedQr qr = new PivotedQr(a);
    int[] perm = qr.perm;
    int rank = qr.rank;

    // centre y on its mean when an unaliased constant column (intercept) is present
    int constantPos = -1;
    for (int pos = 0; pos < rank && constantPos < 0; pos++) {
      if (isConstant(design, perm[pos])) {
        constantPos = pos;
      }
    }
    double yShift = 0;
    if (constantPos >= 0) {
      yShift = SampleStatistics.mean(y);
    }
    double[] qty = new double[n];
    for (int i = 0; i < n; i++) {
      qty[i] = y[i] - yShift;
    }
    qr.applyQt(qty);

    double[] b = qr.solve(qty);
    double[][] rInv = qr.rInverse();
    double rss = 0;
    for (int i = rank; i < n; i++) {
      rss += qty[i] * qty[i];
    }

    boolean[] aliased = new boolean[p];
    double[] coefficients = new double[p];
    double[] unscaled = new double[p];
    Arrays.fill(coefficients, Double.NaN);
    Arrays.fill(unscaled, Double.NaN);
    for (int pos = rank; pos < p; pos++) {
      aliased[perm[pos]] = true;
    }
    for (int pos = 0; pos < rank; pos++) {
      int j = perm[pos];
      double coef = b[pos];
      if (pos == constantPos) {
        coef += yShift / design[0][j];
      }
      coefficients[j] = coef;
      double s = 0;
      for (int c = pos; c < rank; c++) {
        s += rInv[pos][c] * rInv[pos][c];
      }
      unscaled[j] = s;
    }
    double[] covariance = qr.unscaledCovariance(rInv);
    double[][] aliasing = qr.aliasing(rInv);
    // "Essentially perfect fit": R's summary.lm warns when the residual variance is below 1e-30 times
    // (mean(fitted)^2 + var(fitted)). Rounding alone leaves residuals of about 1e-15 of the fitted scale
    // times sqrt(n), so trialstat uses 1e-24 (residual SD below 1e-12 of the fitted scale): below it the
    // t statistic is rounding noise (t ~ 1e14) and is reported as not estimable.
    double[] fitted = new double[n];
    for (int i = 0; i < n; i++) {
      double f = 0;
      for (int j = 0; j < p; j++) {
        if (!aliased[j]) {
          f += design[i][j] * coefficients[j];
        }
      }
      fitted[i] = f;
    }
    double resvar = n > rank ? rss / (n - rank) : Double.NaN;
    double fm = SampleStatistics.mean(fitted);
    double fv = n > 1 ? Math.pow(SampleStatistics.sd(fitted), 2) : 0;
    boolean perfect = resvar < (fm * fm + fv) * PERFECT_FIT || rss == 0;
    return new LinearModel(n, p, rank, aliased, coefficients, unscaled, covariance, aliasing, rss, perfect);
  }

  private static boolean isConstant(double[][] design, int j) {
    double first = design[0][j];
    if (first == 0) {
      return false;
    }
    for (double[] row : design) {
      if (row[j] != first) {
        return false;
      }
    }
    return true;
  }
}
