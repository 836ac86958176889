package org.trialstat.stats;

import org.apache.commons.math3.special.Beta;
import org.trialstat.model.Estimate;

/**
 * Standardized mean differences of two independent arms, treatment minus control, in units of the
 * pooled standard deviation, with confidence intervals from the noncentral t distribution.
 *
 * <p>With {@code sp^2 = ((nT-1) sT^2 + (nC-1) sC^2) / (nT+nC-2)}, Cohen's {@code d = (meanT - meanC) /
 * sp}. The interval inverts the noncentral t distribution (Steiger and Fouladi 1997; Hedges and Olkin
 * 1985, ch. 5): with {@code h = sqrt(1/nT + 1/nC)}, {@code t = d / h} and {@code df = nT + nC - 2}, find
 * {@code ncp_lo} with {@code P(T <= t; df, ncp_lo) = 1 - alpha/2} and {@code ncp_hi} with
 * {@code P(T <= t; df, ncp_hi) = alpha/2} ({@link NoncentralT#ncpForCdf}), and report
 * {@code [ncp_lo h, ncp_hi h]}. These are the numbers of R's {@code effectsize::cohens_d} /
 * {@code hedges_g} (version 0.8.3) and of {@code MBESS::ci.smd}.
 *
 * <p>Past the exact range (df above {@value NoncentralT#R_NORMAL_DF}, or t or a limit beyond 90% of
 * |ncp| &le; {@value NoncentralT#MAX_NCP}, for example n = 500 per arm with SD 0.001 and a difference
 * of 10, or 10 million per arm) the limits come in constant time from the normal approximation to the
 * noncentral t ({@link NoncentralT#ncpForCdfNormal}, Abramowitz and Stegun 26.7.10), the formula R's
 * {@code pt} uses there, so that effectsize 0.8.3 gives the same limits (checked in the tests); the
 * method name then ends in "{@value #ASYMPTOTIC_CI}" instead of "noncentral-t CI". The result is
 * {@code [d (1 - 1/(4 df)) -/+ z sqrt(h^2 + d^2 / (2 df))]}, within O(1/df) of the Hedges and Olkin
 * (1985, eq. 5.14) large-sample interval {@code d -/+ z sqrt(h^2 + d^2 / (2 (nT + nC)))}.
 *
 * <p>SDs far from 1 (beyond 2^&plusmn;400) are scaled by a power of two before they are squared
 * ({@link Scaling}). Not estimable (NaN with a reason, never an exception) when an arm has fewer than
 * 2 values (the reason names the arm), when the pooled SD is 0 (every value of each arm equal) or when
 * d exceeds the largest double. The pooled SD is defined with one arm of zero variance, so that case is
 * estimable.
 *
 * <p>Differences from other software: SAS has no built-in d; some packages (for example
 * {@code effsize::cohen.d}) use the normal approximation to the SE of d for the interval, which is
 * narrower than this exact interval in small samples.
 */
public enum StandardizedMeanDifference {

  /** Cohen's d (Cohen 1988) with the pooled SD and noncentral-t interval; no small-sample correction. */
  COHENS_D("Cohen's d, pooled SD, noncentral-t CI"),

  /**
   * Hedges' g (Hedges 1981, J. Educational Statistics 6, 107-128): d and both limits multiplied by the
   * exact bias correction {@link #hedgesJ(double) J(df)}, as effectsize 0.8.3 and later (older
   * effectsize versions and many texts use the approximation {@code 1 - 3 / (4 df - 1)}).
   */
  HEDGES_G("Hedges' g, exact J, noncentral-t CI");

  /** The interval's part of the method name past the exact range. */
  static final String ASYMPTOTIC_CI = "normal-approximation CI (noncentral t beyond its exact range)";

  /** Share of the exact range |ncp| &le; {@value NoncentralT#MAX_NCP} within which the series is used. */
  private static final double EXACT_RANGE = 0.9;

  private final String methodName;

  StandardizedMeanDifference(String methodName) {
    this.methodName = methodName;
  }

  /** The method name carried in results, for example "Hedges' g, exact J, noncentral-t CI". */
  public String methodName() {
    return methodName;
  }

  /**
   * The standardized difference from each arm's n, mean and SD.
   *
   * @param nT        treatment n (at least 0)
   * @param meanT     treatment mean
   * @param sdT       treatment SD (not negative)
   * @param nC        control n (at least 0)
   * @param meanC     control mean
   * @param sdC       control SD (not negative)
   * @param confLevel confidence level in (0, 1)
   * @return the estimate and interval, or NaN numbers with a reason
   */
  public Estimate compute(int nT, double meanT, double sdT, int nC, double meanC, double sdC,
      double confLevel) {
    Arguments.checkConfLevel(confLevel);
    Arguments.checkArmSummaries(nT, sdT, nC, sdC);
    String tooSmall = MeanDifferenceTest.armsTooSmall(nT, nC);
    if (tooSmall != null) {
      return Estimate.notEstimable(confLevel, methodName, tooSmall);
    }
    if (Double.isNaN(meanT) || Double.isNaN(meanC) || Double.isNaN(sdT) || Double.isNaN(sdC)) {
      return Estimate.notEstimable(confLevel, methodName, "mean or SD not available");
    }
    double df = nT + nC - 2.0;
    // SDs scaled by a power of two (Scaling: exact; ordinary data are not rescaled), so that SDs such as
    // 1e160 or 1e-300 give a finite, non-zero pooled SD.
    double f = Scaling.factor(sdT, sdC);
    double sT = sdT * f;
    double sC = sdC * f;
    double pooledScaled = Math.sqrt(((nT - 1) * sT * sT + (nC - 1) * sC * sC) / df);
    if (!(pooledScaled > 0)) {
      return Estimate.notEstimable(confLevel, methodName, "pooled SD is 0 (zero variance in both arms)");
    }
    double pooledSd = pooledScaled / f;
    double diff = meanT - meanC;
    // means near +-1.8e308: the difference of the halves, doubled after the division (exact)
    double d = Double.isInfinite(diff) ? (meanT / 2 - meanC / 2) / pooledSd * 2 : diff / pooledSd;
    if (!Double.isFinite(d)) {
      return Estimate.notEstimable(confLevel, methodName, SampleStatistics.beyondDouble("standardized difference"));
    }
    double factor = this == HEDGES_G ? hedgesJ(df) : 1;
    double h = Math.sqrt(1.0 / nT + 1.0 / nC);
    double t = d / h;
    double alpha = 1 - confLevel;
    double z = Arguments.zTwoSided(confLevel);
    double approxLow = NoncentralT.ncpForCdfNormal(t, df, z);
    double approxHigh = NoncentralT.ncpForCdfNormal(t, df, -z);
    if (exactInRange(t, df, approxLow, approxHigh)) {
      double ncpLow = NoncentralT.ncpForCdf(t, df, 1 - alpha / 2);
      double ncpHigh = NoncentralT.ncpForCdf(t, df, alpha / 2);
      if (!Double.isNaN(ncpLow) && !Double.isNaN(ncpHigh)) {
        return Estimate.of(d * factor, ncpLow * h * factor, ncpHigh * h * factor, confLevel, methodName);
      }
    }
    // h ncp of NoncentralT.ncpForCdfNormal, written in units of d so that a huge d does not overflow t
    double centre = d * (1 - 1 / (4 * df));
    double half = z * Math.hypot(h, d / Math.sqrt(2 * df));
    return Estimate.of(d * factor, (centre - half) * factor, (centre + half) * factor, confLevel,
        asymptoticMethodName());
  }

  /**
   * Whether the exact inversion is used: df at most {@value NoncentralT#R_NORMAL_DF} (beyond it R's
   * {@code pt} itself is the normal approximation) and t and both approximate limits well inside
   * |ncp| &le; {@value NoncentralT#MAX_NCP}, where the series converges in milliseconds.
   */
  private static boolean exactInRange(double t, double df, double approxLow, double approxHigh) {
    double range = EXACT_RANGE * NoncentralT.MAX_NCP;
    return df <= NoncentralT.R_NORMAL_DF && Math.abs(t) <= range && Math.abs(approxLow) <= range
        && Math.abs(approxHigh) <= range;
  }

  /**
   * The method name when the interval comes from the normal approximation to the noncentral t, for
   * example "Cohen's d, pooled SD, normal-approximation CI (noncentral t beyond its exact range)".
   */
  public String asymptoticMethodName() {
    return methodName.replace("noncentral-t CI", ASYMPTOTIC_CI);
  }

  /**
   * The standardized difference from raw values (n, mean and SD by {@link SampleStatistics}).
   *
   * @param treatment the treatment arm's values (finite)
   * @param control   the control arm's values (finite)
   * @param confLevel confidence level in (0, 1)
   * @return the estimate and interval, or NaN numbers with a reason
   */
  public Estimate compute(double[] treatment, double[] control, double confLevel) {
    return compute(treatment.length, SampleStatistics.mean(treatment), SampleStatistics.sd(treatment),
        control.length, SampleStatistics.mean(control), SampleStatistics.sd(control), confLevel);
  }

  /**
   * Hedges' exact bias correction of d on df degrees of freedom (Hedges 1981, eq. 6e):
   * {@code J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2))}, the formula
   * {@code exp(lgamma(df/2) - log(sqrt(df/2)) - lgamma((df-1)/2))} of effectsize. It is evaluated as
   * {@code sqrt(pi) / (B((df-1)/2, 1/2) sqrt(df/2))} with Commons Math's log-beta, which avoids the
   * cancellation of two large log-gamma values for large df.
   *
   * @param df degrees of freedom, &gt; 1
   * @return J, in (0, 1), tending to 1 as df grows
   */
  public static double hedgesJ(double df) {
    if (!(df > 1)) {
      throw new IllegalArgumentException("df must be greater than 1: " + df);
    }
    if (df == Double.POSITIVE_INFINITY) {
      return 1;
    }
    return Math.exp(0.5 * Math.log(Math.PI) - Beta.logBeta((df - 1) / 2, 0.5) - 0.5 * Math.log(df / 2));
  }
}
