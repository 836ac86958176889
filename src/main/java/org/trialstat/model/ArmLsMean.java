package org.trialstat.model;

/**
 * A least-squares mean of one arm from a fitted model (ANCOVA or MMRM at the endpoint): L beta at the
 * arm, with the other factors weighted by {@code weights} and numeric covariates at their mean.
 *
 * @param estimate  the LS mean, or NaN
 * @param se        its standard error, or NaN
 * @param df        degrees of freedom of its t interval (possibly fractional), or NaN
 * @param ciLow     estimate - t(1 - (1 - level) / 2, df) se, or NaN
 * @param ciHigh    estimate + t(1 - (1 - level) / 2, df) se, or NaN
 * @param confLevel the interval's level
 * @param weights   how factor covariates were averaged
 * @param method    the model and weights in words
 * @param reason    why the numbers are NaN, or null
 */
public record ArmLsMean(double estimate, double se, double df, double ciLow, double ciHigh, double confLevel,
    LsMeansWeights weights, String method, String reason) {

  /** An LS mean that cannot be estimated, with the reason. */
  public static ArmLsMean notEstimable(double confLevel, LsMeansWeights weights, String method, String reason) {
    return new ArmLsMean(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, confLevel, weights, method,
        reason);
  }
}
