package org.trialstat.model;

/** The value of one {@link Effect}: a difference with its test, an estimate with its interval, or a p value. */
public sealed interface EffectValue permits Difference, Estimate, PValue, Headlined {

  /** What was computed. */
  String method();

  /** The point estimate, or NaN (a {@link PValue} has none). */
  double estimate();

  /** Lower confidence limit, or NaN. */
  double ciLow();

  /** Upper confidence limit, or NaN. */
  double ciHigh();

  /** Two-sided p value, or NaN when the method gives none. */
  double p();
}
