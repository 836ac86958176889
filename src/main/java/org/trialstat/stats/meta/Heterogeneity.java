package org.trialstat.stats.meta;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Cochran's Q, I^2 and H^2 and their confidence limits, as metafor 3.8's {@code rma} and
 * {@code confint}.
 *
 * <ul>
 *   <li>{@code Q = sum w (y - mu_w)^2}, {@code w = 1/v}, chi-square with k - 1 df.
 *   <li>Common-effect models: {@code I^2 = max(0, 100 (Q - (k-1)) / Q)}, {@code H^2 = Q / (k - 1)}
 *       (Higgins and Thompson 2002). Random effects: {@code I^2 = 100 tau2 / (s^2 + tau2)},
 *       {@code H^2 = tau2 / s^2 + 1} with the typical within-study variance {@code s^2 = (k - 1) / (sum w
 *       - sum w^2 / sum w)}; only under DerSimonian-Laird do the two forms agree. RevMan always uses the
 *       Q form.
 *   <li>The tau^2 interval is the Q-profile interval (Viechtbauer 2007): the tau^2 at which the
 *       generalized {@code Q(tau2)} equals the upper and lower {@code (1 - L)/2} chi-square quantiles with
 *       k - 1 df, each limit 0 when {@code Q(0)} is already below its quantile. The I^2 and H^2 limits
 *       are those tau^2 limits put into the random-effects formulas above. The interval does not depend on
 *       the estimator of tau^2, so common-effect results carry it too (metafor's {@code confint} refuses
 *       a common-effect model; the values equal those of any random-effects fit of the same data).
 * </ul>
 */
final class Heterogeneity {

  final double q;
  final int df;
  final double qP;
  final double typicalVariance;
  final double tau2Low;
  final double tau2High;

  Heterogeneity(Studies s, double confLevel, double tau2Start) {
    q = s.q(0);
    df = s.k - 1;
    ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
    qP = chi.survivalProbability(q);
    typicalVariance = s.typicalVariance();
    double alpha = 1 - confLevel;
    double upper = chi.inverseSurvivalProbability(alpha / 2);
    double lower = chi.inverseCumulativeProbability(alpha / 2);
    tau2Low = q < upper ? 0 : Roots.decreasing(s::q, upper, tau2Start);
    tau2High = q < lower ? 0 : Roots.decreasing(s::q, lower, tau2Start);
  }

  /** I^2 in percent of a common-effect model (Q form). */
  double i2Common() {
    return Math.max(0, 100 * (q - df) / q);
  }

  /** H^2 of a common-effect model. */
  double h2Common() {
    return q / df;
  }

  /** I^2 in percent for a given tau^2 (random-effects form). */
  double i2(double tau2) {
    return 100 * tau2 / (typicalVariance + tau2);
  }

  /** H^2 for a given tau^2. */
  double h2(double tau2) {
    return tau2 / typicalVariance + 1;
  }
}
