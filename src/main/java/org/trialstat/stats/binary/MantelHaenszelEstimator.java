package org.trialstat.stats.binary;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.trialstat.model.WaldEffect;
import org.trialstat.stats.Arguments;

/**
 * Mantel-Haenszel common effects of K strata of 2x2 tables, treatment versus control, with the
 * variances {@code metafor::rma.mh} uses (measure "RD", "RR", "OR"); the odds ratio and its interval
 * are also those printed by R's {@code mantelhaen.test}.
 *
 * <p>Notation per stratum: {@code a, b} treatment-arm events and non-events, {@code c, d} control-arm,
 * {@code n1 = a + b}, {@code n2 = c + d}, {@code N = n1 + n2}; sums run over the strata.
 * Intervals are Wald intervals ({@code RD -/+ z se}; {@code exp(log -/+ z se)} for the ratios), p the
 * two-sided z test of no effect.
 *
 * <p><b>Zero cells.</b> As in {@code rma.mh} (whose {@code add = c(1/2, 0)} adds nothing for the MH
 * computations) and {@code mantelhaen.test}, no continuity correction is applied: the MH estimators
 * are finite with zero cells as long as the sums below are positive; when a sum vanishes the effect is
 * not estimable (reason stated). Double-zero strata (no events in either arm) stay in, as in
 * {@code rma.mh} (its {@code drop00 = c(TRUE, FALSE)} keeps them for the MH estimate): they add
 * nothing to the ratios and pull the risk difference towards 0 through its weight. One-arm strata are
 * left out with a note ({@link Strata}); they add zero to every sum. <b>Difference from metafor:</b>
 * when there are no events, or only events, in every stratum, rma.mh reports RD = 0 with SE 0; here
 * the RD is not estimable.
 */
public enum MantelHaenszelEstimator {

  /**
   * Mantel-Haenszel risk difference {@code RD = sum (a n2 - c n1) / N / sum n1 n2 / N} with the
   * variance of Sato (1989), which Greenland and Robins (1985) showed consistent in both sparse and
   * large strata:
   * <pre>
   *   Var = [ RD sum (c (n1/N)^2 - a (n2/N)^2 + (n1/N)(n2/N)(n2 - n1)/2)
   *           + sum (a (n2 - c) + c (n1 - a)) / (2 N) ] / (sum n1 n2 / N)^2
   * </pre>
   * References: Greenland S, Robins JM. Estimation of a common effect parameter from sparse follow-up
   * data. Biometrics 1985;41:55-68. Sato T. On the variance estimator for the Mantel-Haenszel risk
   * difference. Biometrics 1989;45:1323-1324.
   */
  RISK_DIFFERENCE("Mantel-Haenszel risk difference, Sato / Greenland-Robins variance") {
    @Override
    WaldEffect estimate(List<StratumTable> used, double confLevel, String note) {
      double events = sum(used, StratumTable::events);
      if (events == 0) {
        return notEstimable(confLevel, "no events in either arm of any stratum");
      }
      if (events == sum(used, StratumTable::total)) {
        return notEstimable(confLevel, "all participants had the event");
      }
      double weight = sum(used, t -> t.nT() * (double) t.nC() / t.total());
      double rd = sum(used, t -> (t.a() * t.nC() - t.c() * t.nT()) / t.total()) / weight;
      double p = sum(used, t -> {
        double f1 = t.nT() / t.total();
        double f2 = t.nC() / t.total();
        return t.c() * f1 * f1 - t.a() * f2 * f2 + f1 * f2 * (t.nC() - t.nT()) / 2;
      });
      double q = sum(used, t -> (t.a() * (t.nC() - t.c()) + t.c() * (t.nT() - t.a())) / t.total());
      double se = Math.sqrt((rd * p + q / 2) / (weight * weight));
      return Wald.difference(methodName(), rd, se, confLevel, note);
    }
  },

  /**
   * Mantel-Haenszel risk ratio {@code RR = R / S}, {@code R = sum a n2 / N}, {@code S = sum c n1 / N},
   * with the variance of Greenland and Robins (1985):
   * {@code Var(log RR) = sum (n1 n2 (a + c) / N^2 - a c / N) / (R S)}.
   * Not estimable when either arm has no events in any stratum.
   */
  RISK_RATIO("Mantel-Haenszel risk ratio, Greenland-Robins variance") {
    @Override
    WaldEffect estimate(List<StratumTable> used, double confLevel, String note) {
      double r = sum(used, t -> t.a() * t.nC() / t.total());
      double s = sum(used, t -> t.c() * t.nT() / t.total());
      double v = sum(used, t -> {
        double n = t.total();
        return t.nT() * (double) t.nC() * t.events() / (n * n) - t.a() * t.c() / n;
      });
      if (r == 0 || s == 0) {
        return notEstimable(confLevel, r == 0 ? "no events in the treatment arm of any stratum"
            : "no events in the control arm of any stratum");
      }
      return Wald.ratio(methodName(), Math.log(r / s), Math.sqrt(v / (r * s)), confLevel, note);
    }
  },

  /**
   * Mantel-Haenszel odds ratio {@code OR = R / S}, {@code R = sum a d / N}, {@code S = sum b c / N},
   * with the variance of Robins, Breslow and Greenland (1986): with {@code P = (a + d)/N},
   * {@code Q = (b + c)/N},
   * <pre>
   *   Var(log OR) = sum P a d/N / (2 R^2) + sum (P b c/N + Q a d/N) / (2 R S) + sum Q b c/N / (2 S^2)
   * </pre>
   * Reference: Robins J, Breslow N, Greenland S. Estimators of the Mantel-Haenszel variance consistent
   * in both sparse data and large-strata limiting models. Biometrics 1986;42:311-323. Not estimable when
   * R or S is 0 (mantelhaen.test then prints 0 or Inf).
   */
  ODDS_RATIO("Mantel-Haenszel odds ratio, Robins-Breslow-Greenland variance") {
    @Override
    WaldEffect estimate(List<StratumTable> used, double confLevel, String note) {
      double r = commonOddsRatioNumerator(used);
      double s = commonOddsRatioDenominator(used);
      if (r == 0 || s == 0) {
        return notEstimable(confLevel, r == 0
            ? "no stratum with both events in the treatment arm and non-events in the control arm"
            : "no stratum with both non-events in the treatment arm and events in the control arm");
      }
      double pr = 0;
      double psqr = 0;
      double qs = 0;
      for (StratumTable t : used) {
        double n = t.total();
        double p = (t.a() + t.d()) / n;
        double q = (t.b() + t.c()) / n;
        double ri = t.a() * t.d() / n;
        double si = t.b() * t.c() / n;
        pr += p * ri;
        psqr += p * si + q * ri;
        qs += q * si;
      }
      double se = Math.sqrt(0.5 * (pr / (r * r) + psqr / (r * s) + qs / (s * s)));
      return Wald.ratio(methodName(), Math.log(r / s), se, confLevel, note);
    }
  };

  private final String methodName;

  MantelHaenszelEstimator(String methodName) {
    this.methodName = methodName;
  }

  /** The method's name as it appears in results. */
  public String methodName() {
    return methodName;
  }

  /**
   * The common effect over the given strata.
   *
   * @param tables    one 2x2 table per stratum
   * @param confLevel confidence level in (0, 1)
   * @return the effect; NaN numbers and a reason when not estimable, the note on left-out strata as
   *     reason otherwise (null when none was left out)
   * @throws IllegalArgumentException for a level outside (0, 1)
   */
  public WaldEffect estimate(List<StratumTable> tables, double confLevel) {
    Arguments.checkConfLevel(confLevel);
    Strata strata = Strata.of(tables);
    if (strata.used().isEmpty()) {
      return notEstimable(confLevel, "no stratum with both arms");
    }
    return estimate(strata.used(), confLevel, strata.note());
  }

  abstract WaldEffect estimate(List<StratumTable> used, double confLevel, String note);

  WaldEffect notEstimable(double confLevel, String reason) {
    return WaldEffect.notEstimable(methodName, this != RISK_DIFFERENCE, confLevel, reason);
  }

  /** {@code R = sum a d / N}, the numerator of the MH odds ratio. */
  static double commonOddsRatioNumerator(List<StratumTable> used) {
    return sum(used, t -> t.a() * t.d() / t.total());
  }

  /** {@code S = sum b c / N}, the denominator of the MH odds ratio. */
  static double commonOddsRatioDenominator(List<StratumTable> used) {
    return sum(used, t -> t.b() * t.c() / t.total());
  }

  /** {@code sum_k term(stratum k)}, added in the order of the strata. */
  private static double sum(List<StratumTable> used, ToDoubleFunction<StratumTable> term) {
    double sum = 0;
    for (StratumTable t : used) {
      sum += term.applyAsDouble(t);
    }
    return sum;
  }
}
