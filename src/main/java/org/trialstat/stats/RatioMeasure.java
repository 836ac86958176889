package org.trialstat.stats;

import org.trialstat.model.Estimate;

/**
 * Ratio measures of two independent proportions, treatment over control, with large-sample
 * confidence intervals on the log scale.
 *
 * <p>With the 2x2 table {@code a = events_T, b = n_T - events_T, c = events_C, d = n_C - events_C} and
 * {@code z = qnorm((1 + confLevel) / 2)}, the interval is {@code exp(log(ratio) -/+ z * SE)}.
 *
 * <p><b>Zero cells</b> (as Cochrane RevMan and {@code metafor::escalc}'s defaults
 * {@code add = 1/2, to = "only0"}): when any of a, b, c, d is 0, 0.5 is added to <em>all four</em>
 * cells before the estimate and its SE are computed (for the risk ratio too: the arm sizes become
 * {@code n + 1}); the result then carries the note "0.5 added to every cell (zero cell)" (also appended to
 * its method) in
 * {@link Estimate#reason()}. When both arms have no events ({@code a = c = 0}) or both arms had the
 * event throughout ({@code b = d = 0}) the ratio is not estimable (NaN, with reason "no events in
 * either arm" or "all participants had the event in both arms"), as in RevMan. An empty arm
 * ({@code n = 0}) is not estimable either.
 *
 * <p><b>Differences from defaults elsewhere</b>: R's {@code fisher.test} reports the conditional MLE of
 * the odds ratio with an exact interval, and {@code epitools::oddsratio} defaults to the median-unbiased
 * estimate, so neither matches {@link #ODDS_RATIO}. SAS PROC FREQ's {@code RELRISK} Wald limits use the
 * same formulas but add nothing to zero cells by default, so tables with a zero cell will differ.
 * {@code metafor::escalc(measure = "RR" / "OR", ai, n1i, ci, n2i, drop00 = TRUE)} reproduces both
 * measures, zero cells included (its default {@code drop00 = FALSE} would still compute a ratio for
 * 0 events in both arms, which RevMan and this class do not).
 */
public enum RatioMeasure implements TwoProportionEffect {

  /**
   * Risk ratio {@code RR = (a / n_T) / (c / n_C)} with the log-scale interval of Katz et al. (1978):
   * {@code SE(log RR) = sqrt(1/a - 1/n_T + 1/c - 1/n_C)}.
   *
   * <p>Reference: Katz D, Baptista J, Azen SP, Pike MC. Obtaining confidence intervals for the risk
   * ratio in cohort studies. Biometrics 1978;34:469-474.
   */
  RISK_RATIO("Risk ratio, log (Katz) CI") {
    @Override
    double logRatio(double a, double b, double c, double d) {
      return Math.log((a / (a + b)) / (c / (c + d)));
    }

    @Override
    double seLogRatio(double a, double b, double c, double d) {
      return Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
    }
  },

  /**
   * Odds ratio {@code OR = (a d) / (b c)} with Woolf's (1955) logit interval:
   * {@code SE(log OR) = sqrt(1/a + 1/b + 1/c + 1/d)}.
   *
   * <p>Reference: Woolf B. On estimating the relation between blood group and disease. Ann Hum Genet
   * 1955;19:251-253.
   */
  ODDS_RATIO("Odds ratio, Woolf logit CI") {
    @Override
    double logRatio(double a, double b, double c, double d) {
      return Math.log((a * d) / (b * c));
    }

    @Override
    double seLogRatio(double a, double b, double c, double d) {
      return Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
    }
  };

  /** The note attached to a ratio computed after the zero-cell correction. */
  public static final String ZERO_CELL_NOTE = "0.5 added to every cell (zero cell)";

  private final String methodName;

  RatioMeasure(String methodName) {
    this.methodName = methodName;
  }

  @Override
  public String methodName() {
    return methodName;
  }

  /**
   * The ratio (treatment over control) with its confidence interval: finite numbers and
   * {@link #ZERO_CELL_NOTE} as reason (and appended to the method, ", 0.5 added ...") after the zero-cell
   * correction, reason null otherwise; see {@link TwoProportionEffect#compute}.
   */
  @Override
  public Estimate ofNonEmptyArms(int eventsT, int nT, int eventsC, int nC, double confLevel) {
    if (eventsT == 0 && eventsC == 0) {
      return Estimate.notEstimable(confLevel, methodName, "no events in either arm");
    }
    if (eventsT == nT && eventsC == nC) {
      return Estimate.notEstimable(confLevel, methodName, "all participants had the event in both arms");
    }
    double[] x = ZeroCell.cells(eventsT, nT, eventsC, nC);
    double a = x[0];
    double b = x[1];
    double c = x[2];
    double d = x[3];
    String note = ZeroCell.hasZero(eventsT, nT, eventsC, nC) ? ZERO_CELL_NOTE : null;
    final double log = logRatio(a, b, c, d);
    final double halfWidth = Arguments.zTwoSided(confLevel) * seLogRatio(a, b, c, d);
    return new Estimate(Math.exp(log), Math.exp(log - halfWidth), Math.exp(log + halfWidth), confLevel,
        note == null ? methodName : methodName + ", " + note, note);
  }

  /** log of the ratio for cells that are all positive. */
  abstract double logRatio(double a, double b, double c, double d);

  /** Standard error of the log ratio for cells that are all positive. */
  abstract double seLogRatio(double a, double b, double c, double d);
}
