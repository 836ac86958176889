package org.trialstat.stats;

import org.trialstat.model.Estimate;
import org.trialstat.model.Proportion;

/**
 * Confidence intervals for the risk difference {@code RD = p_T - p_C} (treatment minus control) of two
 * independent proportions.
 */
public enum RiskDifferenceInterval implements TwoProportionEffect {

  /**
   * Newcombe's hybrid score interval (Newcombe 1998b, method 10), built from the two arms' Wilson score
   * intervals {@code [l_T, u_T]} and {@code [l_C, u_C]} (see {@link ProportionInterval#WILSON}):
   *
   * <pre>
   *   RD    = p_T - p_C
   *   lower = RD - sqrt((p_T - l_T)^2 + (u_C - p_C)^2)
   *   upper = RD + sqrt((u_T - p_T)^2 + (p_C - l_C)^2)
   * </pre>
   *
   * <p>No continuity correction (Newcombe's method 11 would add one). Zero cells need no special
   * handling: the Wilson limits are defined for 0 and n events, so the interval is always finite and
   * within [-1, 1]; {@code 0/n_T} versus {@code 0/n_C} gives RD = 0 with a non-degenerate interval.
   * Either arm with {@code n = 0}: not estimable.
   *
   * <p>The same method as {@code contingencytables::Newcombe_hybrid_score_CI_2x2},
   * {@code DescTools::BinomDiffCI(method = "score")} and SAS PROC FREQ {@code RISKDIFF(CL = NEWCOMBE)}.
   * <b>Defaults differ</b>: SAS PROC FREQ's {@code RISKDIFF} default is the Wald interval,
   * {@code DescTools::BinomDiffCI}'s default is Agresti-Caffo, and R's
   * {@code prop.test(c(x1, x2), c(n1, n2))} gives a continuity-corrected Wald interval.
   *
   * <p>Reference: Newcombe RG. Interval estimation for the difference between independent proportions:
   * comparison of eleven methods. Stat Med 1998;17:873-890.
   */
  NEWCOMBE_HYBRID_SCORE("Newcombe hybrid score (method 10)");

  private final String methodName;

  RiskDifferenceInterval(String methodName) {
    this.methodName = methodName;
  }

  @Override
  public String methodName() {
    return methodName;
  }

  /** The risk difference {@code events_T / n_T - events_C / n_C}; see {@link TwoProportionEffect#compute}. */
  @Override
  public Estimate ofNonEmptyArms(int eventsT, int nT, int eventsC, int nC, double confLevel) {
    final Proportion t = ProportionInterval.WILSON.of(eventsT, nT, confLevel);
    final Proportion c = ProportionInterval.WILSON.of(eventsC, nC, confLevel);
    final double rd = t.rate() - c.rate();
    final double dLow = Math.sqrt(square(t.rate() - t.ciLow()) + square(c.ciHigh() - c.rate()));
    final double dHigh = Math.sqrt(square(t.ciHigh() - t.rate()) + square(c.rate() - c.ciLow()));
    return Estimate.of(rd, rd - dLow, rd + dHigh, confLevel, methodName);
  }

  private static double square(double x) {
    return x * x;
  }
}
