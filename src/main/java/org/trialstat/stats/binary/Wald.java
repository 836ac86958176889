package org.trialstat.stats.binary;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstat.model.WaldEffect;
import org.trialstat.stats.Arguments;

/** Normal-theory intervals and tests shared by the routines of this package. */
final class Wald {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Wald() {
  }

  /** Upper-tail chi-squared probability, R's {@code pchisq(x, df, lower.tail = FALSE)}. */
  static double chiSquaredUpper(double x, double df) {
    return ChiSquaredDistribution.of(df).survivalProbability(x);
  }

  /**
   * A difference with its Wald interval and two-sided z test: {@code est -/+ z se},
   * {@code p = 2 (1 - Phi(|est / se|))}.
   */
  static WaldEffect difference(String method, double estimate, double se, double confLevel, String note) {
    double half = Arguments.zTwoSided(confLevel) * se;
    double z = estimate / se;
    return new WaldEffect(method, estimate, se, false, estimate - half, estimate + half, confLevel, z,
        twoSidedP(z), note);
  }

  /**
   * A ratio from its logarithm and the SE of the logarithm: {@code exp(log -/+ z se)}, z test on the
   * log scale.
   */
  static WaldEffect ratio(String method, double logRatio, double seLog, double confLevel, String note) {
    double half = Arguments.zTwoSided(confLevel) * seLog;
    double z = logRatio / seLog;
    return new WaldEffect(method, Math.exp(logRatio), seLog, true, Math.exp(logRatio - half),
        Math.exp(logRatio + half), confLevel, z, twoSidedP(z), note);
  }

  /** {@code 2 pnorm(-|z|)}. */
  static double twoSidedP(double z) {
    return 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
  }
}
