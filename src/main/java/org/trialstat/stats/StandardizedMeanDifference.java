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
 * <p>Not estimable (NaN with a reason, never an exception) when an arm has fewer than 2 values (the
 * reason names the arm) or when the pooled SD is 0 (every value of each arm equal). The pooled SD is
 * defined with one arm of zero variance, so that case is estimable.
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
    double pooledSd = Math.sqrt(((nT - 1) * sdT * sdT + (nC - 1) * sdC * sdC) / df);
    if (!(pooledSd > 0)) {
      return Estimate.notEstimable(confLevel, methodName, "pooled SD is 0 (zero variance in both arms)");
    }
    double d = (meanT - meanC) / pooledSd;
    double h = Math.sqrt(1.0 / nT + 1.0 / nC);
    double t = d / h;
    double alpha = 1 - confLevel;
    double ncpLow = NoncentralT.ncpForCdf(t, df, 1 - alpha / 2);
    double ncpHigh = NoncentralT.ncpForCdf(t, df, alpha / 2);
    double factor = this == HEDGES_G ? hedgesJ(df) : 1;
    double low = ncpLow * h * factor;
    double high = ncpHigh * h * factor;
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return new Estimate(d * factor, low, high, confLevel, methodName,
          "confidence limit beyond the noncentral t range |ncp| <= " + NoncentralT.MAX_NCP);
    }
    return Estimate.of(d * factor, low, high, confLevel, methodName);
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
