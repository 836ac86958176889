package org.trialstat.model;

/**
 * Covariate-adjusted marginal effects of one binary endpoint, treatment versus control, by
 * standardization (g-computation) over a logistic regression: the average predicted risks of all
 * participants as if all had been given the treatment and as if all had been given the control.
 *
 * <p>As an {@link EffectValue}, its method, estimate, interval and p are those of the risk difference;
 * writers show every part.
 *
 * @param riskTreatment  standardized risk under treatment, or NaN
 * @param riskControl    standardized risk under control, or NaN
 * @param riskDifference riskTreatment - riskControl
 * @param riskRatio      riskTreatment / riskControl
 * @param oddsRatio      odds(riskTreatment) / odds(riskControl) (a marginal, not a conditional, OR)
 * @param note           model columns dropped as aliased, or why nothing is estimable; null otherwise
 */
public record AdjustedBinaryResult(double riskTreatment, double riskControl, WaldEffect riskDifference,
    WaldEffect riskRatio, WaldEffect oddsRatio, String note) implements Headlined {

  /** The risk difference. */
  @Override
  public WaldEffect headline() {
    return riskDifference;
  }
}
