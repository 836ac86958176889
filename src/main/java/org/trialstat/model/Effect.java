package org.trialstat.model;

/**
 * One named result of a comparison: which statistic, of which outcome, its value and the number of
 * participants behind it.
 *
 * @param statistic what was computed
 * @param outcome   the outcome key: {@code change} or a binary endpoint's key ({@link BinaryEndpoint#key()})
 * @param value     the estimate record
 * @param n         participants behind the value (both arms), or {@link #NO_N} when it does not apply (a
 *                  model fitted over every arm)
 * @param adjusted  the multiplicity-adjusted p value ({@code --adjust}), or null when not adjusted
 */
public record Effect(Statistic statistic, String outcome, EffectValue value, int n, Adjusted adjusted) {

  /** An effect without multiplicity adjustment. */
  public Effect(Statistic statistic, String outcome, EffectValue value, int n) {
    this(statistic, outcome, value, n, null);
  }

  /** This effect with its adjusted p value. */
  public Effect withAdjusted(Adjusted a) {
    return new Effect(statistic, outcome, value, n, a);
  }

  /** The outcome key of continuous effects. */
  public static final String CHANGE = "change";

  /** Marker for "no n". */
  public static final int NO_N = -1;
}
