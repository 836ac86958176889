package org.trialstat.stats.impute;

import java.util.Objects;

/**
 * One participant's data for imputation, over all visits of the trial.
 *
 * @param id        participant identifier
 * @param arm       the participant's arm
 * @param reference the arm whose mean the reference-based strategies borrow
 * @param baseline  the baseline value
 * @param y         the outcome at each visit, NaN where missing
 * @param ice       index of the first visit affected by the intercurrent event, y.length when none
 * @param strategy  the strategy from {@code ice} on (visits before it that are missing are imputed under
 *                  MAR)
 */
public record Subject(String id, String arm, String reference, double baseline, double[] y, int ice,
    Strategy strategy) {

  /** Checks for nulls and the ICE index. */
  public Subject {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(strategy, "strategy");
    y = y.clone();
    if (ice < 0 || ice > y.length) {
      throw new IllegalArgumentException("ice index " + ice + " outside 0.." + y.length);
    }
  }

  /**
   * The default intercurrent event (monotone dropout): the first missing visit after which nothing is
   * observed, or y.length when the last visit is observed.
   */
  public static int dropout(double[] y) {
    int k = y.length;
    while (k > 0 && Double.isNaN(y[k - 1])) {
      k--;
    }
    return k;
  }

  /** The outcome at visit v as the imputation model sees it: NaN after the ICE under a non-MAR strategy. */
  double modelValue(int v) {
    return v >= ice && strategy.dropsPostIce() ? Double.NaN : y[v];
  }

  /** The outcomes (a copy). */
  @Override
  public double[] y() {
    return y.clone();
  }
}
