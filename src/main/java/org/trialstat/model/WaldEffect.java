package org.trialstat.model;

/**
 * A treatment effect with a large-sample (Wald) standard error, confidence interval and z test of no
 * effect. Differences are treatment minus control; ratios are treatment over control, and for them the
 * standard error, the interval and the z statistic are on the log scale (the interval is reported
 * back-transformed, {@code exp(log(estimate) -/+ z_crit se)}).
 *
 * @param method    what was computed, naming the estimator and its variance
 * @param estimate  the effect, or NaN
 * @param se        standard error of the effect, of its logarithm when {@code logScale}; or NaN
 * @param logScale  true for a ratio, whose SE and z are those of its logarithm
 * @param ciLow     lower confidence limit (of the effect itself, not its log), or NaN
 * @param ciHigh    upper confidence limit, or NaN
 * @param confLevel confidence level of the interval
 * @param z         estimate / se (log(estimate) / se for a ratio), or NaN
 * @param p         two-sided normal p value of no effect, or NaN
 * @param reason    why numbers are missing, or a note; null when everything is estimable
 */
public record WaldEffect(String method, double estimate, double se, boolean logScale, double ciLow,
    double ciHigh, double confLevel, double z, double p, String reason) {

  /** An effect that cannot be estimated. */
  public static WaldEffect notEstimable(String method, boolean logScale, double confLevel, String reason) {
    return new WaldEffect(method, Double.NaN, Double.NaN, logScale, Double.NaN, Double.NaN, confLevel,
        Double.NaN, Double.NaN, reason);
  }

  /** True when the estimate is a finite number. */
  public boolean estimable() {
    return Double.isFinite(estimate);
  }
}
