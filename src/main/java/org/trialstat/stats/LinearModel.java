package org.trialstat.stats;

import org.trialstat.model.Difference;
import org.trialstat.stats.design.DesignMatrix;

/**
 * An ordinary least-squares fit {@code y = X b + e}, by Householder QR with the limited column pivoting
 * of R's {@code lm} ({@link PivotedQr}, tolerance 1e-7): a column that is a linear combination of
 * earlier columns is <em>aliased</em>; aliased columns get NaN coefficients and the other coefficients
 * are those of the fit without them, exactly as R reports {@code NA} for them. The fit itself, with the
 * centring of y that keeps the digits of NIST StRD SmLs04-09, is computed by {@link LeastSquaresFit};
 * this class holds its results and the tests made with them.
 *
 * <p>Standard errors: {@code se_j = s sqrt([(X'X)^-1]_jj)} with {@code s^2 = RSS / (n - rank)}, from the
 * inverse of the triangular factor R ({@code (X'X)^-1 = R^-1 R^-T}); RSS is the squared norm of the
 * last n - rank components of {@code Q'y}, not a sum of subtracted residuals.
 *
 * <p>Data conditions never throw: an aliased coefficient or a fit without residual degrees of freedom
 * gives a {@link #coefficientTest} with NaN numbers and a reason. Non-finite entries, ragged rows and
 * mismatched lengths are programming errors ({@link IllegalArgumentException}).
 *
 * <p>Instances are immutable.
 */
public final class LinearModel {

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
  /** Whether the fit is exact (residual variance below {@link LeastSquaresFit#PERFECT_FIT}). */
  private final boolean perfectFit;

  LinearModel(int n, int p, int rank, boolean[] aliased, double[] coefficients,
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
    return LeastSquaresFit.fit(design, y);
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
        if (Math.abs(l[j] - combination) > PivotedQr.ALIAS_TOLERANCE * scale) {
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
