package org.trialstat.model;

/**
 * A difference in means (treatment minus control) with its test: the result of a t test, an ANCOVA
 * arm coefficient or an MMRM contrast.
 *
 * @param method    what was computed, for example "Welch two-sample t test"
 * @param estimate  treatment minus control, or NaN
 * @param se        standard error of the estimate, or NaN
 * @param ciLow     lower confidence limit, or NaN
 * @param ciHigh    upper confidence limit, or NaN
 * @param confLevel confidence level of the interval
 * @param t         t statistic, or NaN
 * @param df        degrees of freedom (possibly fractional), or NaN
 * @param p         two-sided p value, or NaN
 * @param reason    why numbers are missing; null when estimable
 */
public record Difference(String method, double estimate, double se, double ciLow, double ciHigh,
    double confLevel, double t, double df, double p, String reason) implements EffectValue {

  /** A difference that cannot be estimated. */
  public static Difference notEstimable(String method, double confLevel, String reason) {
    return new Difference(method, Double.NaN, Double.NaN, Double.NaN, Double.NaN, confLevel, Double.NaN,
        Double.NaN, Double.NaN, reason);
  }

  /** True when the estimate is a finite number. */
  public boolean estimable() {
    return Double.isFinite(estimate);
  }
}
