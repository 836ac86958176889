package org.trialstat.model;

/**
 * A chi-squared test: statistic, degrees of freedom and upper-tail p, with the method's name. Used for
 * the Cochran-Mantel-Haenszel test and the Breslow-Day / Tarone tests of homogeneity.
 *
 * @param method    what was computed, for example "Cochran-Mantel-Haenszel test, continuity corrected"
 * @param statistic the chi-squared statistic, or NaN
 * @param df        degrees of freedom, or NaN
 * @param p         upper-tail p value, or NaN
 * @param reason    why numbers are missing, or a note (for example strata left out); null otherwise
 */
public record ChiSquareTest(String method, double statistic, double df, double p, String reason) {

  /** A test that cannot be computed. */
  public static ChiSquareTest notEstimable(String method, String reason) {
    return new ChiSquareTest(method, Double.NaN, Double.NaN, Double.NaN, reason);
  }

  /** True when the statistic is a finite number. */
  public boolean estimable() {
    return Double.isFinite(statistic);
  }
}
