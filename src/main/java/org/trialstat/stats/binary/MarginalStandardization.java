package org.trialstat.stats.binary;

import org.trialstat.model.AdjustedBinaryResult;
import org.trialstat.model.WaldEffect;
import org.trialstat.stats.Arguments;

/**
 * Covariate-adjusted marginal (unconditional) effects of a binary endpoint by standardization, also
 * called g-computation, over a logistic regression on arm plus covariates, as the FDA's 2023 guidance
 * "Adjusting for Covariates in Randomized Clinical Trials for Drugs and Biological Products" asks for
 * binary outcomes. One constant per variance estimator.
 *
 * <p><b>Estimate.</b> With the fitted coefficients b, every participant's risk is predicted twice, with
 * the arm indicator set to 1 and to 0: {@code p1_i = expit(x_i(1)' b)}, {@code p0_i = expit(x_i(0)' b)};
 * the standardized risks are {@code mu1 = mean p1_i}, {@code mu0 = mean p0_i} (all n participants,
 * both arms), and {@code RD = mu1 - mu0}, {@code RR = mu1 / mu0},
 * {@code OR = [mu1 / (1 - mu1)] / [mu0 / (1 - mu0)]}. The marginal OR generally differs from the
 * conditional OR {@code exp(b_arm)} (non-collapsibility).
 *
 * <p><b>Intervals.</b> Each variance estimator gives the covariance matrix S of (mu1, mu0); RD, log RR
 * and log OR get {@code se^2 = g' S g} with {@code g = (1, -1)}, {@code (1/mu1, -1/mu0)} and
 * {@code (1/(mu1 (1 - mu1)), -1/(mu0 (1 - mu0)))}; Wald intervals (exp of the log-scale interval for the
 * ratios) and z tests.
 *
 * <p><b>Not estimable</b> (every effect NaN with the reason): an arm without participants, an arm
 * column aliased with the covariates, no events or only events, and complete or quasi-complete
 * separation ({@link LogisticRegression}). Aliased covariate columns, such as a covariate with one
 * level, are dropped with a note, as R's {@code glm} gives them {@code NA} coefficients.
 *
 * <p>Differences from R: no single base-R function; {@code margins}/{@code marginaleffects} give the
 * same point estimates, and their delta-method SEs with {@code vcov(glm)} equal {@link #GE_DELTA}.
 * {@code RobinCar::robincar_glm} gives {@link #YE_ROBUST} under simple randomization.
 */
public enum MarginalStandardization {

  /**
   * Delta method with the model-based covariance {@code V = (X'WX)^-1} of the coefficients, the
   * variance of Ge et al. (2011), conditional on the covariates:
   * {@code S = [g1 g0]' V [g1 g0]}, {@code g_a = mean_i p_a,i (1 - p_a,i) x_i(a)}.
   * Reference: Ge M, Durham LK, Meyer RD, Xie W, Thomas N. Covariate-adjusted difference in
   * proportions from clinical trials using logistic regression and weighted risk differences. Drug Inf
   * J 2011;45:481-493.
   */
  GE_DELTA("delta-method SE, model-based covariance (Ge et al. 2011)"),

  /**
   * The same delta method with the sandwich (HC0) covariance {@code V M V},
   * {@code M = sum_i (y_i - p_i)^2 x_i x_i'}, as {@code sandwich::sandwich(glm)}; robust to a wrong
   * variance function but, like {@link #GE_DELTA}, conditional on the covariates.
   */
  GE_DELTA_SANDWICH("delta-method SE, sandwich (HC0) covariance"),

  /**
   * The variance of Ye, Shao, Yi and Zhao (2023), valid whether or not the logistic model is correct,
   * under simple randomization (and conservative under stratified randomization unless the strata are
   * covariates): with {@code pi_a = n_a / n}, {@code Var_a}, {@code Cov_a} sample moments within arm a
   * and {@code Var}, {@code Cov} over all n participants,
   * <pre>
   *   n S_aa = Var_a(y - p_a) / pi_a + 2 Cov_a(y, p_a) - Var(p_a)
   *   n S_10 = Cov_1(y, p0) + Cov_0(y, p1) - Cov(p1, p0)
   * </pre>
   * (the variance of the influence function {@code I_a / pi_a (y - p_a) + p_a - mu_a}, which holds
   * because the fitted model has an intercept and the arm, so the residuals sum to 0 within each arm).
   * Reference: Ye T, Shao J, Yi Y, Zhao Q. Toward better practice of covariate adjustment in analyzing
   * randomized clinical trials. J Am Stat Assoc 2023;118:2370-2382 (written there for linear working
   * models; its extension to a logistic working model is Bannick M, Shao J, Liu J, Du Y, Yi Y, Ye T. A
   * general form of covariate adjustment in randomized clinical trials. arXiv:2306.10213, 2023); the
   * same form is implemented in the RobinCar R package of Ye, Yi, Bannick and Bian.
   */
  YE_ROBUST("robust SE (Ye, Shao, Yi and Zhao 2023)");

  /** The name of the arm column in the design built by {@link #estimate(int[], boolean[], String[], double[][], double)}. */
  public static final String ARM = "arm";

  private final String varianceName;

  MarginalStandardization(String varianceName) {
    this.varianceName = varianceName;
  }

  /** The variance estimator's name, the second part of every method string. */
  public String varianceName() {
    return varianceName;
  }

  /**
   * Fits {@code logit P(y = 1) = b0 + b_arm arm + covariates} and standardizes.
   *
   * @param outcome          n outcomes, 0 or 1
   * @param treated          n arm indicators, true for the treatment arm
   * @param covariateNames   names of the covariate columns (dummy columns for factors)
   * @param covariateColumns the covariate columns, n values each
   * @param confLevel        confidence level in (0, 1)
   * @return the marginal effects; not estimable with a reason in the cases of the class comment
   * @throws IllegalArgumentException for mismatched lengths, non-finite values, outcomes not 0 / 1 or
   *     a level outside (0, 1)
   */
  public AdjustedBinaryResult estimate(int[] outcome, boolean[] treated, String[] covariateNames,
      double[][] covariateColumns, double confLevel) {
    return estimate(outcome, treated, covariateNames, covariateColumns, confLevel, null);
  }

  /**
   * As {@link #estimate(int[], boolean[], String[], double[][], double)}, with the model named in every
   * method string: "... (g-computation, logistic regression MODEL), VARIANCE".
   *
   * @param model the model formula for the method strings (for example {@code response ~ arm + age}), or
   *              null for none
   */
  public AdjustedBinaryResult estimate(int[] outcome, boolean[] treated, String[] covariateNames,
      double[][] covariateColumns, double confLevel, String model) {
    Arguments.checkConfLevel(confLevel);
    int n = outcome.length;
    if (treated.length != n) {
      throw new IllegalArgumentException(treated.length + " arm indicators for " + n + " outcomes");
    }
    int p = covariateColumns.length + 2;
    String[] names = new String[p];
    double[][] columns = new double[p][];
    names[0] = "(Intercept)";
    names[1] = ARM;
    columns[0] = new double[n];
    columns[1] = new double[n];
    int nT = 0;
    for (int i = 0; i < n; i++) {
      columns[0][i] = 1;
      columns[1][i] = treated[i] ? 1 : 0;
      nT += treated[i] ? 1 : 0;
    }
    System.arraycopy(covariateNames, 0, names, 2, covariateNames.length);
    System.arraycopy(covariateColumns, 0, columns, 2, covariateColumns.length);
    if (nT == 0 || nT == n) {
      return notEstimable(confLevel, nT == 0 ? "no participants in the treatment arm"
          : "no participants in the control arm", null, model);
    }
    return standardize(LogisticRegression.fit(names, columns, outcome), 1, confLevel, model);
  }

  /**
   * Standardizes a fitted logistic regression whose column {@code armColumn} is the 0 / 1 arm
   * indicator (for designs built elsewhere; the model should hold an intercept).
   *
   * @param fit       the fit
   * @param armColumn index of the arm indicator among the fit's columns
   * @param confLevel confidence level in (0, 1)
   * @return the marginal effects, not estimable with the fit's reason when the fit is not
   */
  public AdjustedBinaryResult estimate(LogisticRegression fit, int armColumn, double confLevel) {
    Arguments.checkConfLevel(confLevel);
    return standardize(fit, armColumn, confLevel, null);
  }

  private AdjustedBinaryResult standardize(LogisticRegression fit, int armColumn, double confLevel, String model) {
    if (!fit.estimable()) {
      return notEstimable(confLevel, fit.reason(), fit.note(), model);
    }
    int arm = fit.keptIndex(armColumn);
    if (arm < 0) {
      return notEstimable(confLevel, "the arm is collinear with the covariates", fit.note(), model);
    }
    Predictions pr = Predictions.of(fit, arm);
    double[][] s = covariance(fit, pr);
    double mu1 = pr.mu1();
    double mu0 = pr.mu0();
    String note = fit.note();
    if (!(Double.isFinite(s[0][0]) && Double.isFinite(s[1][1]))) {
      String why = "variance not estimable (an arm with fewer than 2 participants)";
      note = note == null ? why : note + "; " + why;
    }
    String suffix = suffix(model);
    WaldEffect rd = Wald.difference("Standardized risk difference" + suffix, mu1 - mu0,
        Math.sqrt(quadratic(s, 1, -1)), confLevel, note);
    WaldEffect rr = Wald.ratio("Standardized risk ratio" + suffix, Math.log(mu1 / mu0),
        Math.sqrt(quadratic(s, 1 / mu1, -1 / mu0)), confLevel, note);
    WaldEffect or = Wald.ratio("Standardized odds ratio" + suffix,
        Math.log(mu1 / (1 - mu1)) - Math.log(mu0 / (1 - mu0)),
        Math.sqrt(quadratic(s, 1 / (mu1 * (1 - mu1)), -1 / (mu0 * (1 - mu0)))), confLevel, note);
    return new AdjustedBinaryResult(mu1, mu0, rd, rr, or, note);
  }

  private double[][] covariance(LogisticRegression fit, Predictions pr) {
    switch (this) {
      case GE_DELTA:
        return pr.delta(fit.keptCovariance());
      case GE_DELTA_SANDWICH:
        return pr.delta(pr.sandwich(fit.keptCovariance()));
      default:
        return pr.robust();
    }
  }

  private static double quadratic(double[][] s, double g1, double g0) {
    return g1 * g1 * s[0][0] + 2 * g1 * g0 * s[0][1] + g0 * g0 * s[1][1];
  }

  private String suffix(String model) {
    return " (g-computation, logistic regression" + (model == null ? "" : " " + model) + "), " + varianceName;
  }

  private AdjustedBinaryResult notEstimable(double confLevel, String reason, String note, String model) {
    String why = note == null ? reason : reason + "; " + note;
    String suffix = suffix(model);
    return new AdjustedBinaryResult(Double.NaN, Double.NaN,
        WaldEffect.notEstimable("Standardized risk difference" + suffix, false, confLevel, why),
        WaldEffect.notEstimable("Standardized risk ratio" + suffix, true, confLevel, why),
        WaldEffect.notEstimable("Standardized odds ratio" + suffix, true, confLevel, why), why);
  }
}
