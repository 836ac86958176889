package org.trialstat.model;

import java.util.List;

/**
 * A pooled effect of a meta-analysis with its heterogeneity statistics, as metafor's {@code rma},
 * {@code confint} and {@code predict} report them. Numbers that are not estimable are NaN, with the
 * reason in {@link #reason()}.
 *
 * @param k          number of studies pooled
 * @param estimate   pooled effect (analysis scale: log for ratios)
 * @param se         its standard error (adjusted under Hartung-Knapp)
 * @param ciLow      lower confidence limit
 * @param ciHigh     upper confidence limit
 * @param confLevel  level of every interval
 * @param statName   "z", or "t" under Hartung-Knapp
 * @param stat       the test statistic estimate / se
 * @param df         degrees of freedom of t, NaN for z
 * @param p          two-sided p value
 * @param tau2       between-study variance (0 in a common-effect model)
 * @param tau2CiLow  Q-profile lower limit of tau^2
 * @param tau2CiHigh Q-profile upper limit of tau^2
 * @param i2         I^2 in percent
 * @param i2CiLow    lower limit of I^2 (from the tau^2 limits)
 * @param i2CiHigh   upper limit of I^2
 * @param h2         H^2
 * @param h2CiLow    lower limit of H^2
 * @param h2CiHigh   upper limit of H^2
 * @param q          Cochran's Q
 * @param qDf        its degrees of freedom, k - 1
 * @param qP         its p value (chi-square)
 * @param piLow      lower prediction limit
 * @param piHigh     upper prediction limit
 * @param weights    each study's weight in percent, in input order
 * @param method     what was computed, for example "random effects, REML tau^2, z test"
 * @param reason     why numbers are missing, or a note; null when none
 */
public record MetaPooled(int k, double estimate, double se, double ciLow, double ciHigh, double confLevel,
    String statName, double stat, double df, double p, double tau2, double tau2CiLow, double tau2CiHigh,
    double i2, double i2CiLow, double i2CiHigh, double h2, double h2CiLow, double h2CiHigh, double q, int qDf,
    double qP, double piLow, double piHigh, List<Double> weights, String method, String reason) {

  public MetaPooled {
    weights = List.copyOf(weights);
  }

  /** A pooled result that cannot be computed at all. */
  public static MetaPooled notEstimable(int k, double confLevel, String method, String reason) {
    double n = Double.NaN;
    return new MetaPooled(k, n, n, n, n, confLevel, "z", n, n, n, n, n, n, n, n, n, n, n, n, n, Math.max(0, k - 1),
        n, n, n, List.of(), method, reason);
  }

  /** True when the pooled estimate is a finite number. */
  public boolean estimable() {
    return Double.isFinite(estimate);
  }

  /** tau, the square root of tau^2. */
  public double tau() {
    return Math.sqrt(tau2);
  }
}
