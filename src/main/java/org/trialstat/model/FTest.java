package org.trialstat.model;

/**
 * An F test: statistic, numerator and denominator degrees of freedom and upper-tail p, with the
 * method's name. Used for the treatment-by-subgroup interaction of {@code analyze --subgroup}.
 *
 * @param method     what was computed
 * @param statistic  the F statistic, or NaN
 * @param df         numerator degrees of freedom, or NaN
 * @param dfResidual denominator (residual) degrees of freedom, or NaN
 * @param p          upper-tail p value, or NaN
 * @param reason     why numbers are missing; null otherwise
 */
public record FTest(String method, double statistic, double df, double dfResidual, double p, String reason) {

  /** A test that cannot be computed. */
  public static FTest notEstimable(String method, String reason) {
    return new FTest(method, Double.NaN, Double.NaN, Double.NaN, Double.NaN, reason);
  }
}
