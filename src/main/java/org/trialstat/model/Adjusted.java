package org.trialstat.model;

/**
 * The multiplicity-adjusted p value of one effect ({@code analyze --adjust}), and its simultaneous
 * confidence interval when the method has one (Bonferroni, Dunnett).
 *
 * @param adjustment the method
 * @param p          the adjusted p value (at most 1), NaN when the unadjusted p is NaN
 * @param ciLow      lower limit of the simultaneous interval, NaN when the method has none
 * @param ciHigh     upper limit of the simultaneous interval, NaN when the method has none
 * @param family     how many comparisons share the adjustment (the family size m)
 * @param method     what was done, for example "Holm step-down over 3 comparisons (R p.adjust)"
 */
public record Adjusted(Multiplicity adjustment, double p, double ciLow, double ciHigh, int family, String method) {

  /** Whether the method gave a simultaneous interval. */
  public boolean simultaneous() {
    return !Double.isNaN(ciLow) || !Double.isNaN(ciHigh);
  }
}
