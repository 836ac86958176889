package org.trialstat.stats;

import java.util.Arrays;
import org.trialstat.model.Difference;
import org.trialstat.stats.design.DesignMatrix;

/**
 * An ordinary least-squares fit {@code y = X b + e}, by Householder QR with the limited column pivoting
 * of R's {@code lm} (LINPACK {@code dqrdc2}, tolerance 1e-7): columns are processed left to right, and a
 * column whose norm, after removing its projection on the earlier kept columns, falls below 1e-7 times
 * its original norm is <em>aliased</em> (a linear combination of earlier columns) and moved to the end.
 * Aliased columns get NaN coefficients and the other coefficients are those of the fit without them,
 * exactly as R reports {@code NA} for them (Golub and Van Loan, Matrix Computations, 4th ed., sec. 5.2
 * and 5.3).
 *
 * <p>Standard errors: {@code se_j = s sqrt([(X'X)^-1]_jj)} with {@code s^2 = RSS / (n - rank)}, from the
 * inverse of the triangular factor R ({@code (X'X)^-1 = R^-1 R^-T}); RSS is the squared norm of the
 * last n - rank components of {@code Q'y}, not a sum of subtracted residuals.
 *
 * <p>For accuracy with data far from 0 (NIST StRD SmLs04-09), when the design holds a constant column
 * that is not aliased (the intercept), y is first centred on its accurate mean and the mean is added
 * back to that column's coefficient; fitted values, residuals and every other number are unchanged in
 * exact arithmetic.
 *
 * <p>Data conditions never throw: an aliased coefficient or a fit without residual degrees of freedom
 * gives a {@link #coefficientTest} with NaN numbers and a reason. Non-finite entries, ragged rows and
 * mismatched lengths are programming errors ({@link IllegalArgumentException}).
 *
 * <p>Why not Commons Math's {@code QRDecomposition} / {@code OLSMultipleLinearRegression}: they do not
 * pivot, so a rank-deficient design (an arm without completers, a constant covariate) throws
 * {@code SingularMatrixException} instead of R's {@code NA} for the aliased column, and they do not
 * centre y, which costs several digits on NIST StRD SmLs07-09 (see LinearModelTest).
 *
 * <p>Instances are immutable.
 */
public final class LinearModel {

  /** R's {@code lm} tolerance for detecting aliased columns. */
  static final double ALIAS_TOLERANCE = 1e-7;

  private final int n;
  private final int p;
  private final int rank;
  private final boolean[] aliased;
  private final double[] coefficients;
  private final double[] unscaledVariance;
  /** (X'X)^-1 over the columns not aliased, row-major p x p; NaN in the rows and columns of aliased ones. */
  private final double[] unscaledCovariance;
  /**
   * For each aliased column j, the coefficients c (over the kept columns, 0 elsewhere) with x_j = X c;
   * null for a kept column.
   */
  private final double[][] aliasing;
  private final double rss;
  /** Relative residual variance below which a fit counts as exact (see {@link #coefficientTest}). */
  static final double PERFECT_FIT = 1e-24;

  private final boolean perfectFit;

  private LinearModel(int n, int p, int rank, boolean[] aliased, double[] coefficients,
      double[] unscaledVariance, double[] unscaledCovariance, double[][] aliasing, double rss, boolean perfectFit) {
    this.aliasing = aliasing;
    this.n = n;
    this.p = p;
    this.rank = rank;
    this.aliased = aliased;
    this.coefficients = coefficients;
    this.unscaledVariance = unscaledVariance;
    this.unscaledCovariance = unscaledCovariance;
    this.rss = rss;
    this.perfectFit = perfectFit;
  }

  /**
   * Fits y = X beta + e with X from a {@link DesignMatrix} (rows in its order); as
   * {@link #fit(double[][], double[])}.
   *
   * @param design the model terms and observations
   * @param y      the outcome, one per design row
   * @return the fit
   */
  public static LinearModel fit(DesignMatrix design, double[] y) {
    return fit(design.matrix(), y);
  }

  /**
   * Fits the model.
   *
   * @param design n rows of p values each (include a column of 1s for an intercept)
   * @param y      n responses
   * @return the fit
   */
  public static LinearModel fit(double[][] design, double[] y) {
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
    int[] perm = new int[p];
    double[] originalNorm = new double[p];
    for (int j = 0; j < p; j++) {
      perm[j] = j;
      double norm = norm(a[j], 0);
      originalNorm[j] = norm == 0 ? 1 : norm;
    }

    // Householder QR with dqrdc2's limited pivoting; reflector l is I - beta_l v_l v_l' on rows l..n-1,
    // v_l stored in a[l][l..n-1], R's diagonal in rDiag.
    int steps = Math.min(n, p);
    double[] beta = new double[steps];
    double[] rDiag = new double[p];
    int kept = p; // columns at positions >= kept are aliased
    int l = 0;
    for (; l < steps; l++) {
      while (l < kept && norm(a[l], l) < ALIAS_TOLERANCE * originalNorm[perm[l]]) {
        // move column l to the end
        double[] col = a[l];
        int idx = perm[l];
        System.arraycopy(a, l + 1, a, l, p - l - 1);
        System.arraycopy(perm, l + 1, perm, l, p - l - 1);
        a[p - 1] = col;
        perm[p - 1] = idx;
        kept--;
      }
      if (l >= kept) {
        break;
      }
      double[] v = a[l];
      double alpha = norm(v, l);
      if (v[l] > 0) {
        alpha = -alpha;
      }
      // v = x - alpha e1; R_ll = alpha
      v[l] -= alpha;
      double vtv = 0;
      for (int i = l; i < n; i++) {
        vtv += v[i] * v[i];
      }
      beta[l] = vtv == 0 ? 0 : 2 / vtv;
      rDiag[l] = alpha;
      for (int j = l + 1; j < p; j++) {
        reflect(v, beta[l], a[j], l);
      }
    }
    int rank = Math.min(kept, n);

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
    for (int k = 0; k < rank; k++) {
      reflect(a[k], beta[k], qty, k);
    }

    // back substitution R b = (Q'y)[0..rank); R's off-diagonal entries are a[j][k] for k < j
    double[] b = new double[rank];
    for (int k = rank - 1; k >= 0; k--) {
      double s = qty[k];
      for (int j = k + 1; j < rank; j++) {
        s -= a[j][k] * b[j];
      }
      b[k] = s / rDiag[k];
    }
    // R^-1 (upper triangular), row norms squared = diag((X'X)^-1)
    double[][] rInv = new double[rank][rank];
    for (int c = 0; c < rank; c++) {
      rInv[c][c] = 1 / rDiag[c];
      for (int k = c - 1; k >= 0; k--) {
        double s = 0;
        for (int j = k + 1; j <= c; j++) {
          s += a[j][k] * rInv[j][c];
        }
        rInv[k][c] = -s / rDiag[k];
      }
    }
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
    // (X'X)^-1 = R^-1 R^-T in the pivoted order, mapped back to the design's columns
    double[] covariance = new double[p * p];
    Arrays.fill(covariance, Double.NaN);
    for (int r = 0; r < rank; r++) {
      for (int q = 0; q < rank; q++) {
        double s = 0;
        for (int c = Math.max(r, q); c < rank; c++) {
          s += rInv[r][c] * rInv[q][c];
        }
        covariance[perm[r] * p + perm[q]] = s;
      }
    }
    // an aliased column x_j = X_kept c with R c = (Q'x_j)[0..rank): c = R^-1 (Q'x_j)[0..rank)
    double[][] aliasing = new double[p][];
    for (int pos = rank; pos < p; pos++) {
      double[] c = new double[p];
      for (int k = 0; k < rank; k++) {
        double s = 0;
        for (int q = k; q < rank; q++) {
          s += rInv[k][q] * a[pos][q];
        }
        c[perm[k]] = s;
      }
      aliasing[perm[pos]] = c;
    }
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

  /** Euclidean norm of x[from..], scaled against overflow. */
  private static double norm(double[] x, int from) {
    double scale = 0;
    for (int i = from; i < x.length; i++) {
      scale = Math.max(scale, Math.abs(x[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < x.length; i++) {
      double v = x[i] / scale;
      s += v * v;
    }
    return scale * Math.sqrt(s);
  }

  /** x := (I - beta v v') x on rows from..n-1. */
  private static void reflect(double[] v, double beta, double[] x, int from) {
    if (beta == 0) {
      return;
    }
    double dot = 0;
    for (int i = from; i < x.length; i++) {
      dot += v[i] * x[i];
    }
    double f = beta * dot;
    for (int i = from; i < x.length; i++) {
      x[i] -= f * v[i];
    }
  }

  /** Number of observations. */
  public int n() {
    return n;
  }

  /** Number of design columns, aliased ones included. */
  public int columns() {
    return p;
  }

  /** Rank of the design: the number of columns not aliased. */
  public int rank() {
    return rank;
  }

  /** Whether column j is a linear combination of earlier columns (R: coefficient NA). */
  public boolean aliased(int j) {
    checkColumn(j);
    return aliased[j];
  }

  /** The estimate of coefficient j, NaN when the column is aliased. */
  public double coefficient(int j) {
    checkColumn(j);
    return coefficients[j];
  }

  /** The standard error of coefficient j; NaN when aliased or when there are no residual df. */
  public double standardError(int j) {
    checkColumn(j);
    return Math.sqrt(unscaledVariance[j]) * residualSd();
  }

  /** n - rank. */
  public int residualDf() {
    return n - rank;
  }

  /** Residual sum of squares (the within-group SS of a one-way ANOVA). */
  public double residualSumOfSquares() {
    return rss;
  }

  /** sqrt(RSS / (n - rank)): R's {@code sigma(fit)}; NaN without residual df. */
  public double residualSd() {
    int df = residualDf();
    return df > 0 ? Math.sqrt(rss / df) : Double.NaN;
  }

  /**
   * The t test of coefficient j: estimate, standard error, t = estimate / se on the residual df, two-sided
   * p, and the interval {@code estimate +/- t(1 - (1 - level) / 2, df) * se}; the numbers of R's
   * {@code summary(lm)} and {@code confint}.
   *
   * @param j         column index
   * @param confLevel confidence level in (0, 1)
   * @param method    method name carried in the result, for example "ANCOVA (change ~ arm + baseline)"
   * @return the test, or NaN numbers with a reason when the column is aliased, there are no residual
   *     degrees of freedom, or the fit is exact: residual variance below 1e-24 (mean(fitted)^2 +
   *     var(fitted)); R's {@code summary.lm} warns "essentially perfect fit" only below 1e-30 and still
   *     reports numbers, which between the two thresholds are rounding noise
   */
  public Difference coefficientTest(int j, double confLevel, String method) {
    checkColumn(j);
    Arguments.checkConfLevel(confLevel);
    if (aliased[j]) {
      return Difference.notEstimable(method, confLevel,
          "design is rank deficient: column " + j + " is a linear combination of earlier columns");
    }
    if (residualDf() == 0) {
      return Difference.notEstimable(method, confLevel,
          "no residual degrees of freedom (n = " + n + ", rank = " + rank + ")");
    }
    double se = standardError(j);
    if (perfectFit || !(se > 0)) {
      return Difference.notEstimable(method, confLevel, "residual SD is 0 (the model fits exactly)");
    }
    return MeanDifferenceTest.tTest(method, coefficients[j], se, residualDf(), confLevel);
  }

  /**
   * The t test of the linear combination {@code L' beta} (an LS mean, a contrast): estimate
   * {@code sum_j L_j b_j}, standard error {@code s sqrt(L' (X'X)^-1 L)} on the residual df, interval and
   * two-sided p as {@link #coefficientTest} (which is the case L = e_j). These are the numbers of R's
   * {@code emmeans} / {@code multcomp::glht} on an {@code lm} fit.
   *
   * @param l         one coefficient per design column
   * @param confLevel confidence level in (0, 1)
   * @param method    method name carried in the result
   * <p>With aliased columns, L' beta is estimable when L is in the row space of X: for every aliased
   * column j (x_j = X c_j) {@code L_j = sum_k L_k c_jk} up to a relative 1e-7 (R {@code estimability} /
   * emmeans "nonEst" test, Searle 1971, sect. 5.4); it is then estimated from the kept columns alone.
   *
   * @return the test, or NaN numbers with a reason when L' beta is not estimable (R emmeans: "nonEst"),
   *     when there are no residual degrees of freedom, or when the fit is exact
   */
  public Difference linearCombination(double[] l, double confLevel, String method) {
    if (l.length != p) {
      throw new IllegalArgumentException("L has " + l.length + " entries for " + p + " columns");
    }
    Arguments.checkConfLevel(confLevel);
    for (int j = 0; j < p; j++) {
      if (aliased[j]) {
        double combination = 0;
        double scale = Math.max(1, Math.abs(l[j]));
        for (int k = 0; k < p; k++) {
          combination += l[k] * aliasing[j][k];
          scale = Math.max(scale, Math.abs(l[k] * aliasing[j][k]));
        }
        if (Math.abs(l[j] - combination) > ALIAS_TOLERANCE * scale) {
          return Difference.notEstimable(method, confLevel, "not estimable: the design is rank deficient (column "
              + j + " is a linear combination of earlier columns)");
        }
      }
    }
    if (residualDf() == 0) {
      return Difference.notEstimable(method, confLevel,
          "no residual degrees of freedom (n = " + n + ", rank = " + rank + ")");
    }
    return keptCombination(l, confLevel, method);
  }

  /**
   * The t test of {@code L' beta} over the kept (not aliased) columns, once the caller has checked that
   * it is estimable and that there are residual df: {@code s sqrt(L' (X'X)^-1 L)} on the residual df.
   */
  private Difference keptCombination(double[] l, double confLevel, String method) {
    double est = 0;
    double var = 0;
    for (int a = 0; a < p; a++) {
      if (l[a] == 0 || aliased[a]) {
        continue;
      }
      est += l[a] * coefficients[a];
      for (int b = 0; b < p; b++) {
        if (l[b] != 0 && !aliased[b]) {
          var += l[a] * unscaledCovariance[a * p + b] * l[b];
        }
      }
    }
    double se = Math.sqrt(var) * residualSd();
    if (perfectFit || !(se > 0)) {
      return Difference.notEstimable(method, confLevel, "residual SD is 0 (the model fits exactly)");
    }
    return MeanDifferenceTest.tTest(method, est, se, residualDf(), confLevel);
  }

  /**
   * The estimated covariance of coefficients i and j, {@code s^2 [(X'X)^-1]_ij} (R's {@code vcov(fit)[i, j]});
   * NaN when either column is aliased or there are no residual df.
   */
  public double covariance(int i, int j) {
    checkColumn(i);
    checkColumn(j);
    if (aliased[i] || aliased[j]) {
      return Double.NaN;
    }
    double sd = residualSd();
    return unscaledCovariance[i * p + j] * sd * sd;
  }

  /**
   * The t test of the linear combination {@code sum_j l_j b_j} (R: {@code multcomp::glht(fit, linfct = l)}
   * without adjustment): estimate, {@code se = sqrt(l' V l)} with V = {@link #covariance}, t on the
   * residual df, two-sided p and CI; for a single coefficient the numbers of {@link #coefficientTest}.
   * Unlike {@link #linearCombination} it refuses any aliased column it involves (the reason of that
   * column's {@link #coefficientTest}), then computes as it does.
   *
   * @param l         one weight per design column (0 for columns not involved)
   * @param confLevel confidence level in (0, 1)
   * @param method    method name carried in the result
   * @return the test, or NaN numbers with a reason as {@link #coefficientTest}
   */
  public Difference contrastTest(double[] l, double confLevel, String method) {
    if (l.length != p) {
      throw new IllegalArgumentException("contrast has " + l.length + " weights, expected " + p);
    }
    for (int i = 0; i < p; i++) {
      if (l[i] != 0 && aliased[i]) {
        return coefficientTest(i, confLevel, method);
      }
    }
    for (int i = 0; i < p; i++) {
      if (l[i] != 0) {
        Difference check = coefficientTest(i, confLevel, method);
        if (check.reason() != null) {
          return check;
        }
      }
    }
    return keptCombination(l, confLevel, method);
  }

  private void checkColumn(int j) {
    if (j < 0 || j >= p) {
      throw new IndexOutOfBoundsException("column " + j + " of " + p);
    }
  }
}
