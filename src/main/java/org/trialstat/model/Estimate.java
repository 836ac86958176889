package org.trialstat.model;

/**
 * A point estimate with a two-sided confidence interval and the name of the method that produced it.
 *
 * <p>Any number may be {@code NaN}, meaning "not available"; {@link #reason()} then says why (for
 * example "zero variance in both arms"). A non-null reason with finite numbers is a note on how the
 * value was obtained (for example the Altman form of an NNT whose interval crosses infinity).
 *
 * @param estimate  the point estimate, or NaN
 * @param ciLow     lower confidence limit, or NaN
 * @param ciHigh    upper confidence limit, or NaN
 * @param confLevel the confidence level of the interval, for example 0.95
 * @param method    what was computed, for example "Hedges' g, exact J, noncentral-t CI"
 * @param reason    why a number is missing, or a note; null when everything is estimable
 */
public record Estimate(double estimate, double ciLow, double ciHigh, double confLevel, String method,
    String reason) implements EffectValue {

  /** A fully estimable value. */
  public static Estimate of(double estimate, double ciLow, double ciHigh, double confLevel, String method) {
    return new Estimate(estimate, ciLow, ciHigh, confLevel, method, null);
  }

  /** A value that cannot be estimated at all. */
  public static Estimate notEstimable(double confLevel, String method, String reason) {
    return new Estimate(Double.NaN, Double.NaN, Double.NaN, confLevel, method, reason);
  }

  /** An estimate alone carries no test: NaN. */
  @Override
  public double p() {
    return Double.NaN;
  }

  /** True when the point estimate is a finite number. */
  public boolean estimable() {
    return Double.isFinite(estimate);
  }
}
