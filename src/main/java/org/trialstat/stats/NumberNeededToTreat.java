package org.trialstat.stats;

import java.util.Locale;
import java.util.Objects;
import org.trialstat.model.Estimate;

/**
 * Number needed to treat, {@code NNT = 1 / RD}, with the confidence interval obtained by inverting the
 * risk difference's limits (Altman 1998).
 *
 * <p><b>Sign convention.</b> The NNT carries the sign of the risk difference it comes from, which is
 * treatment minus control. For a desirable event (response, remission, loss of diagnosis: every
 * {@link org.trialstat.model.BinaryEndpoint}) a positive NNT is a number needed to treat to
 * <em>benefit</em> (NNTB) and a negative one, in magnitude, a number needed to treat to <em>harm</em>
 * (NNTH). For an undesirable event the roles swap; the labels in {@link Estimate#reason()} assume a
 * desirable event.
 *
 * <p><b>Interval.</b> When the risk difference's interval {@code [L, U]} excludes 0 (both limits of the
 * same sign) the NNT interval is {@code [1/U, 1/L]} (the inversion swaps the limits). When it
 * includes 0 the NNT "interval" is not one interval but runs from {@code NNTB 1/U} through infinity to
 * {@code NNTH 1/|L|}; its limits are then NaN and the reason gives Altman's form, for example
 * {@code "RD CI includes 0: NNTB 4.00 to infinity to NNTH 20.0"}. When a limit is exactly 0 only the
 * other side is named ({@code "RD CI includes 0: NNTB 3.45 to infinity"}). The numbers in the reason
 * are rounded to 3 significant digits (Locale.ROOT), or to a whole number from 999.5 on, so they never
 * appear in exponent notation.
 *
 * <p><b>Not estimable</b>: RD = 0 (reason "risk difference is 0"), or an RD that is itself not
 * estimable (its reason is passed on). When only the RD's limits are NaN the NNT keeps its point
 * estimate with NaN limits.
 *
 * <p>This is the usual practice (Cochrane Handbook; R has no base function for it). Some software
 * instead rounds the NNT up to a whole number or reports |NNT| with a separate label; this class does
 * neither.
 *
 * <p>Reference: Altman DG. Confidence intervals for the number needed to treat. BMJ
 * 1998;317:1309-1312.
 */
public final class NumberNeededToTreat {

  /** The method name of every NNT estimate. */
  public static final String METHOD = "1 / risk difference (Altman 1998)";

  private NumberNeededToTreat() {
  }

  /**
   * The NNT from a risk difference (treatment minus control) and its interval.
   *
   * @param rd a risk difference, for example from
   *     {@link RiskDifferenceInterval#NEWCOMBE_HYBRID_SCORE}; its confidence level is kept
   * @return the NNT; see the class comment for the interval and the reasons
   * @throws NullPointerException if {@code rd} is null
   */
  public static Estimate fromRiskDifference(Estimate rd) {
    Objects.requireNonNull(rd, "rd");
    final double level = rd.confLevel();
    final double d = rd.estimate();
    if (Double.isNaN(d)) {
      return Estimate.notEstimable(level, METHOD,
          rd.reason() == null ? "risk difference not estimable" : rd.reason());
    }
    if (d == 0) {
      return Estimate.notEstimable(level, METHOD, "risk difference is 0");
    }
    final double nnt = 1 / d;
    final double low = rd.ciLow();
    final double high = rd.ciHigh();
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return new Estimate(nnt, Double.NaN, Double.NaN, level, METHOD, "risk difference CI not available");
    }
    if (low > 0 || high < 0) {
      return Estimate.of(nnt, 1 / high, 1 / low, level, METHOD);
    }
    return new Estimate(nnt, Double.NaN, Double.NaN, level, METHOD, altmanReason(low, high));
  }

  /** Altman's description of an NNT interval for an RD interval [low, high] that contains 0. */
  private static String altmanReason(double low, double high) {
    final StringBuilder sb = new StringBuilder("RD CI includes 0: ");
    if (high > 0) {
      sb.append("NNTB ").append(format(1 / high)).append(" to infinity");
      if (low < 0) {
        sb.append(" to NNTH ").append(format(1 / -low));
      }
    } else if (low < 0) {
      sb.append("NNTH ").append(format(1 / -low)).append(" to infinity");
    } else {
      sb.append("infinity");
    }
    return sb.toString();
  }

  /** 3 significant digits, or a whole number from 1000 on (no exponent notation). */
  static String format(double x) {
    return Math.abs(x) >= 999.5 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.3g", x);
  }
}
