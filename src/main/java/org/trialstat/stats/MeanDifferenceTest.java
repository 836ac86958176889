package org.trialstat.stats;

import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstat.model.Difference;

/**
 * Two-sample t tests of a difference in means, treatment minus control, with a two-sided confidence
 * interval; the same numbers as R's {@code t.test(treatment, control, var.equal = FALSE / TRUE)}.
 *
 * <p>Estimate {@code meanT - meanC}; {@code t = estimate / se}; two-sided {@code p = 2 P(T_df > |t|)};
 * interval {@code estimate +/- t(1 - (1 - level) / 2, df) * se}.
 *
 * <p>Not estimable (NaN numbers with a reason, never an exception) when an arm has fewer than 2
 * values, or when the standard error is 0 because both arms have zero variance (R stops with "data
 * are essentially constant"). Welch's test with zero variance in only one arm is estimable: its df
 * is then that of the other arm, n - 1.
 *
 * <p>SDs far from 1 (beyond 2^&plusmn;400, such as 1e200 or 1e-300) are scaled by a power of two before
 * they are squared ({@link Scaling}), so the variances neither overflow nor underflow to a false "zero
 * variance"; a difference, SE or limit that itself exceeds the largest double is NaN with the reason
 * "... beyond the range of double-precision numbers".
 */
public enum MeanDifferenceTest {

  /**
   * Welch's unequal-variances t test (Welch 1947, Biometrika 34, 28-35): {@code se = sqrt(sT^2/nT +
   * sC^2/nC)}, Welch-Satterthwaite df {@code se^4 / ((sT^2/nT)^2/(nT-1) + (sC^2/nC)^2/(nC-1))}
   * (fractional). R's default {@code t.test}.
   */
  WELCH("Welch two-sample t test"),

  /**
   * Student's t test with pooled variance {@code sp^2 = ((nT-1) sT^2 + (nC-1) sC^2) / (nT+nC-2)}:
   * {@code se = sp sqrt(1/nT + 1/nC)}, df {@code nT + nC - 2}. R's {@code t.test(var.equal = TRUE)};
   * SAS PROC TTEST's "Pooled" line.
   */
  STUDENT("Student two-sample t test (pooled variance)");

  private final String methodName;

  MeanDifferenceTest(String methodName) {
    this.methodName = methodName;
  }

  /** The method name carried in the result, for example "Welch two-sample t test". */
  public String methodName() {
    return methodName;
  }

  /**
   * The test on raw values.
   *
   * @param treatment the treatment arm's values (finite)
   * @param control   the control arm's values (finite)
   * @param confLevel confidence level in (0, 1)
   * @return the difference treatment - control with its test, or NaN numbers with a reason
   */
  public Difference test(double[] treatment, double[] control, double confLevel) {
    Arguments.checkConfLevel(confLevel);
    return fromSummary(treatment.length, SampleStatistics.mean(treatment), SampleStatistics.sd(treatment),
        control.length, SampleStatistics.mean(control), SampleStatistics.sd(control), confLevel);
  }

  /**
   * The test from each arm's n, mean and SD.
   *
   * @param nT        treatment n (at least 0)
   * @param meanT     treatment mean
   * @param sdT       treatment SD (not negative; ignored when nT &lt; 2)
   * @param nC        control n (at least 0)
   * @param meanC     control mean
   * @param sdC       control SD (not negative; ignored when nC &lt; 2)
   * @param confLevel confidence level in (0, 1)
   * @return the difference treatment - control with its test, or NaN numbers with a reason
   */
  public Difference fromSummary(int nT, double meanT, double sdT, int nC, double meanC, double sdC,
      double confLevel) {
    Arguments.checkConfLevel(confLevel);
    Arguments.checkArmSummaries(nT, sdT, nC, sdC);
    String tooSmall = armsTooSmall(nT, nC);
    if (tooSmall != null) {
      return Difference.notEstimable(methodName, confLevel, tooSmall);
    }
    if (Double.isNaN(meanT) || Double.isNaN(meanC) || Double.isNaN(sdT) || Double.isNaN(sdC)) {
      return Difference.notEstimable(methodName, confLevel, "mean or SD not available");
    }
    // Spreads scaled by a power of two (Scaling: exact, and no rescaling of ordinary data), so that SDs
    // such as 1e200 or 1e-300 give finite, non-zero variances; se is scaled back before the test.
    double f = Scaling.factor(sdT, sdC);
    double sT = sdT * f;
    double sC = sdC * f;
    double vT = sT * sT / nT;
    double vC = sC * sC / nC;
    double seScaled;
    double df;
    if (this == WELCH) {
      seScaled = Math.sqrt(vT + vC);
      df = (vT + vC) * (vT + vC) / (vT * vT / (nT - 1) + vC * vC / (nC - 1));
    } else {
      df = nT + nC - 2.0;
      double pooledVar = ((nT - 1) * sT * sT + (nC - 1) * sC * sC) / df;
      seScaled = Math.sqrt(pooledVar * (1.0 / nT + 1.0 / nC));
    }
    if (!(seScaled > 0)) {
      return Difference.notEstimable(methodName, confLevel, "zero variance in both arms");
    }
    double estimate = meanT - meanC;
    double se = seScaled / f;
    if (Double.isInfinite(estimate)) {
      return Difference.notEstimable(methodName, confLevel, SampleStatistics.beyondDouble("difference of means"));
    }
    if (Double.isInfinite(se) || se == 0) {
      return Difference.notEstimable(methodName, confLevel, se == 0
          ? "standard error below the range of double-precision numbers" : SampleStatistics.beyondDouble("standard error"));
    }
    return tTest(methodName, estimate, se, df, confLevel);
  }

  /**
   * "treatment arm has n = 1 (at least 2 needed)" and the like, or null when both arms have n &ge; 2.
   */
  static String armsTooSmall(int nT, int nC) {
    if (nT < 2 && nC < 2) {
      return "both arms have fewer than 2 values (treatment n = " + nT + ", control n = " + nC + ")";
    }
    if (nT < 2) {
      return "treatment arm has n = " + nT + " (at least 2 needed)";
    }
    if (nC < 2) {
      return "control arm has n = " + nC + " (at least 2 needed)";
    }
    return null;
  }

  /** Estimate, se, df to a full t-based result; se must be positive and df positive. */
  static Difference tTest(String method, double estimate, double se, double df, double confLevel) {
    TDistribution dist = TDistribution.of(df);
    double t = estimate / se;
    double p = Math.min(1, 2 * dist.survivalProbability(Math.abs(t)));
    double half = Arguments.tTwoSided(confLevel, df) * se;
    double low = estimate - half;
    double high = estimate + half;
    if (Double.isInfinite(low) || Double.isInfinite(high)) {
      return new Difference(method, estimate, se, Double.NaN, Double.NaN, confLevel, t, df, p,
          SampleStatistics.beyondDouble("confidence limit"));
    }
    return new Difference(method, estimate, se, low, high, confLevel, t, df, p, null);
  }
}
