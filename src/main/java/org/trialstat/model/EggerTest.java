package org.trialstat.model;

/**
 * Egger's regression test for funnel-plot asymmetry as metafor's {@code regtest(model = "lm")}: the
 * weighted least-squares regression of {@code yi} on its standard error with weights {@code 1 / vi}.
 *
 * @param slope     coefficient of the standard error (Egger's bias term)
 * @param slopeSe   its standard error
 * @param t         slope / slopeSe, the test statistic
 * @param df        residual degrees of freedom, k - 2
 * @param p         two-sided p value of t
 * @param limit     the intercept: the effect expected at standard error 0 ("limit estimate")
 * @param limitLow  lower confidence limit of the intercept (t, k - 2 df)
 * @param limitHigh upper confidence limit of the intercept
 * @param confLevel level of that interval
 * @param method    the method's name
 * @param reason    why it is not estimable (k &lt; 3), or null
 */
public record EggerTest(double slope, double slopeSe, double t, int df, double p, double limit, double limitLow,
    double limitHigh, double confLevel, String method, String reason) {

  /** A test that cannot be computed. */
  public static EggerTest notEstimable(int df, double confLevel, String method, String reason) {
    double n = Double.NaN;
    return new EggerTest(n, n, n, df, n, n, n, n, confLevel, method, reason);
  }
}
