package org.trialstat.stats.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.stats.LinearModel;

/**
 * Maximum-likelihood logistic regression {@code logit P(y = 1) = x' beta} by Newton-Raphson (for the
 * canonical logit link identical to Fisher scoring / IRLS), as R's {@code glm(family = binomial)}.
 *
 * <p><b>Fit.</b> Starting from {@code beta = 0}, each step solves {@code (X'WX) delta = X'(y - p)}
 * ({@code W = diag(p (1 - p))}) by Cholesky decomposition and halves the step while the deviance
 * {@code 2 sum (log(1 + e^eta) - y eta)} increases; the fit has converged when every
 * {@code |delta_j| <= 1e-10 max(1, |beta_j|)} (within 100 steps). The model-based covariance is
 * {@code (X'WX)^-1} at the estimate. References: McCullagh P, Nelder JA. Generalized Linear Models,
 * 2nd ed. 1989, sec. 2.5 and 4.4; Agresti A. Categorical Data Analysis, 3rd ed. 2013, sec. 5.4 and
 * 7.3.
 *
 * <p><b>Aliased columns</b> (constant, such as a covariate with one level, or a linear combination of
 * earlier columns) are found by the pivoted QR of {@link LinearModel} (R's {@code lm} rule, tolerance
 * 1e-7), dropped from the fit and reported in {@link #note()} with NaN coefficients, as R's
 * {@code glm} reports {@code NA} for them. (glm's own tolerance is {@code min(1e-7, epsilon / 1000)}.)
 *
 * <p><b>Separation.</b> When the fit does not converge or a fitted probability is within 1e-10 of 0 or
 * 1, the data are checked for complete and quasi-complete separation ({@link Separation}, Konis's
 * linear programs); under separation the MLE does not exist and the fit is not estimable with a reason
 * naming the kind of separation and the columns of a separating direction. R's {@code glm} instead
 * returns huge coefficients, with the warning "fitted probabilities numerically 0 or 1 occurred" at
 * most, and SAS PROC LOGISTIC warns that the estimates are questionable. No events (or no non-events)
 * at all is reported as such.
 *
 * <p>Instances are immutable.
 */
public final class LogisticRegression {

  
  private final String[] names;
  private final boolean[] aliased;
  private final double[][] x;
  private final int[] y;
  private final double[] beta;
  private final double[][] covariance;
  private final double deviance;
  private final int iterations;
  private final String reason;
  private final String note;

  private LogisticRegression(String[] names, boolean[] aliased, double[][] x, int[] y, double[] beta,
      double[][] covariance, double deviance, int iterations, String reason, String note) {
    this.names = names;
    this.aliased = aliased;
    this.x = x;
    this.y = y;
    this.beta = beta;
    this.covariance = covariance;
    this.deviance = deviance;
    this.iterations = iterations;
    this.reason = reason;
    this.note = note;
  }

  /**
   * Fits the model.
   *
   * @param names   the p column names
   * @param columns p columns of n values each (include a column of 1s for an intercept)
   * @param y       n outcomes, 0 or 1
   * @return the fit; not estimable (with {@link #reason()}) under separation or without convergence
   * @throws IllegalArgumentException for mismatched lengths, non-finite values or outcomes not 0 / 1
   */
  public static LogisticRegression fit(String[] names, double[][] columns, int[] y) {
    int p = columns.length;
    if (names.length != p || p == 0) {
      throw new IllegalArgumentException(names.length + " names for " + p + " columns");
    }
    int n = y.length;
    double[][] rows = new double[n][p];
    for (int j = 0; j < p; j++) {
      if (columns[j].length != n) {
        throw new IllegalArgumentException("column " + names[j] + " has " + columns[j].length
            + " values, expected " + n);
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(columns[j][i])) {
          throw new IllegalArgumentException("column " + names[j] + "[" + i + "] is not finite");
        }
        rows[i][j] = columns[j][i];
      }
    }
    int events = 0;
    for (int v : y) {
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("outcome must be 0 or 1: " + v);
      }
      events += v;
    }
    boolean[] aliased = new boolean[p];
    if (n > 0) {
      LinearModel qr = LinearModel.fit(rows, new double[n]);
      for (int j = 0; j < p; j++) {
        aliased[j] = qr.aliased(j);
      }
    }
    String note = aliasNote(names, aliased);
    if (n == 0 || events == 0 || events == n) {
      String why = n == 0 ? "no participants" : events == 0 ? "no participant had the event"
          : "every participant had the event";
      return notEstimable(names, aliased, rows, y, why, note);
    }
    List<String> keptNames = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (!aliased[j]) {
        keptNames.add(names[j]);
      }
    }
    if (keptNames.isEmpty()) {
      return notEstimable(names, aliased, rows, y, "every column is aliased", note);
    }
    double[][] kept = keep(rows, aliased);
    LogisticNewton newton = LogisticNewton.run(kept, y);
    if (!newton.converged() || newton.extreme()) {
      Separation.Result sep = Separation.check(kept, y, keptNames.toArray(new String[0]));
      String why = separationReason(sep, newton);
      if (why != null) {
        return notEstimable(names, aliased, rows, y, why, note);
      }
    }
    return new LogisticRegression(names.clone(), aliased, kept, y.clone(), newton.beta(), newton.covariance(),
        newton.deviance(), newton.iterations(), null, note);
  }

  private static String separationReason(Separation.Result sep, LogisticNewton newton) {
    String direction = String.join(", ", sep.direction());
    switch (sep.kind()) {
      case COMPLETE:
        return "complete separation (by " + direction + "): the maximum-likelihood estimate does not exist";
      case QUASI_COMPLETE:
        return "quasi-complete separation (by " + direction + "): the maximum-likelihood estimate does not"
            + " exist";
      case TOO_LARGE:
        return newton.converged() ? null : "no convergence in " + LogisticNewton.MAX_ITERATIONS
            + " Newton steps; fitted probabilities near 0 or 1 suggest separation (too many distinct rows"
            + " to check it)";
      default:
        return newton.converged() ? null : "no convergence in " + LogisticNewton.MAX_ITERATIONS + " Newton steps";
    }
  }

  private static LogisticRegression notEstimable(String[] names, boolean[] aliased, double[][] rows, int[] y,
      String why, String note) {
    return new LogisticRegression(names.clone(), aliased, keep(rows, aliased), y.clone(), null, null,
        Double.NaN, 0, why, note);
  }

  private static double[][] keep(double[][] rows, boolean[] aliased) {
    int q = 0;
    for (boolean a : aliased) {
      q += a ? 0 : 1;
    }
    double[][] kept = new double[rows.length][q];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0, k = 0; j < aliased.length; j++) {
        if (!aliased[j]) {
          kept[i][k++] = rows[i][j];
        }
      }
    }
    return kept;
  }

  private static String aliasNote(String[] names, boolean[] aliased) {
    List<String> dropped = new ArrayList<>();
    for (int j = 0; j < names.length; j++) {
      if (aliased[j]) {
        dropped.add(names[j]);
      }
    }
    return dropped.isEmpty() ? null : String.format(Locale.ROOT,
        "aliased (constant or collinear) column%s dropped: %s", dropped.size() == 1 ? "" : "s",
        String.join(", ", dropped));
  }

  /** True when the coefficients exist. */
  public boolean estimable() {
    return reason == null;
  }

  /** Why the fit is not estimable, or null. */
  public String reason() {
    return reason;
  }

  /** Aliased columns dropped, or null. */
  public String note() {
    return note;
  }

  /** Whether column j was dropped as aliased. */
  public boolean aliased(int j) {
    return aliased[j];
  }

  /** Coefficient of column j; NaN when aliased or not estimable. */
  public double coefficient(int j) {
    int k = keptIndex(j);
    return k < 0 ? Double.NaN : beta[k];
  }

  /** Model-based standard error of coefficient j; NaN when aliased or not estimable. */
  public double standardError(int j) {
    int k = keptIndex(j);
    return k < 0 ? Double.NaN : Math.sqrt(covariance[k][k]);
  }

  /** Residual deviance, NaN when not estimable. */
  public double deviance() {
    return deviance;
  }

  /** Newton steps taken. */
  public int iterations() {
    return iterations;
  }

  /** Number of columns given. */
  public int columns() {
    return names.length;
  }

  /** Position of column j among the kept columns, or -1 when aliased or not estimable. */
  int keptIndex(int j) {
    if (aliased[j] || beta == null) {
      return -1;
    }
    int k = 0;
    for (int i = 0; i < j; i++) {
      k += aliased[i] ? 0 : 1;
    }
    return k;
  }

  /** The kept design, rows (shared, not to be modified). */
  double[][] keptRows() {
    return x;
  }

  int[] outcomes() {
    return y;
  }

  /** Coefficients of the kept columns (shared, not to be modified). */
  double[] keptCoefficients() {
    return beta;
  }

  /** Model-based covariance of the kept coefficients (shared, not to be modified). */
  double[][] keptCovariance() {
    return covariance;
  }
}
